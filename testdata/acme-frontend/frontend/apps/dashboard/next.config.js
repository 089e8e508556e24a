/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  transpilePackages: ["@acme/ui"],
  async redirects() {
    return [{ source: "/home", destination: "/", permanent: true }];
  },
};
