// Smoke test run by CI after `pnpm build`: the CommonJS entry must load.
const assert = require("node:assert");
const ui = require("@kit/ui");

assert.equal(typeof ui.Button, "function", "@kit/ui must export Button");
console.log("@kit/ui exports:", Object.keys(ui).join(", "));
