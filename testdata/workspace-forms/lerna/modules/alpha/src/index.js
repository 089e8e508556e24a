const { double } = require("@lerna-demo/beta");

module.exports = { quadruple: (n) => double(double(n)) };
