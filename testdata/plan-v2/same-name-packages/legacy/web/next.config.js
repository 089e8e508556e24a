module.exports = {
  basePath: "/legacy",
  trailingSlash: true,
  eslint: { ignoreDuringBuilds: true },
};
