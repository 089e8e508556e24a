// Kept in plain JS until the flag service migration is done.
const { slugify } = require("./utils");

const FLAGS = ["New billing", "Audit log", "Bulk export"];

function flagKey(name) {
  return `flag:${slugify(name)}`;
}

module.exports = { FLAGS, flagKey };
