/** @type {import('next').NextConfig} */
const nextConfig = {
  transpilePackages: ["@kit/ui", "@kit/utils", "@kit/hooks"],
};

export default nextConfig;
