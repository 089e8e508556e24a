/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  basePath: "/admin",
  transpilePackages: ["@acme/ui", "@acme/config"],
};

export default nextConfig;
