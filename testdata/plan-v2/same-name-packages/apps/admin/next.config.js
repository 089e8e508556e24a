module.exports = {
  basePath: "/admin",
  output: "standalone",
  experimental: { typedRoutes: true },
};
