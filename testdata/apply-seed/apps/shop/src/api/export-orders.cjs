// Nightly CSV export, run as CommonJS by the job runner (`tsx src/api/export-orders.cjs`).
const { toQueryString } = require("./legacy");

/** @param {string} baseUrl @param {string} since */
async function exportOrders(baseUrl, since) {
  const response = await fetch(`${baseUrl}/orders${toQueryString({ since, format: "csv" })}`);
  return response.text();
}

module.exports = { exportOrders };
