// Marks this folder as an application (bundler config, no entry point in package.json).
export default {
  root: "src",
  build: { outDir: "../public" },
};
