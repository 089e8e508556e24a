/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // the billing page reuses web's currency formatting through @acme/web
  transpilePackages: ["@acme/web", "@acme/types"],
};

export default nextConfig;
