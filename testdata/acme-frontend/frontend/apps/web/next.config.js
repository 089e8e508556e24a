// @ts-check
const path = require("path");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  transpilePackages: ["@acme/ui", "@acme/config", "@acme/types"],
  experimental: {
    outputFileTracingRoot: path.join(__dirname, "../../../"),
  },
  images: {
    remotePatterns: [{ protocol: "https", hostname: "cdn.acme.example" }],
  },
};

module.exports = nextConfig;
