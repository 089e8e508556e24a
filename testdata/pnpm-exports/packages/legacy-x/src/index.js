// Pre-workspace helpers, excluded from the pnpm workspace.
const { shimFetch } = require("./compat");

module.exports = { shimFetch };
