#!/usr/bin/env node
const BASE_URL = process.env.API_URL || "http://localhost:3000";

const ROUTES = [
  { method: "GET", path: "/api/health", expect: 200 },
  { method: "GET", path: "/api/profile", expect: 401 },
  { method: "GET", path: "/api/teams", expect: 200 },
  { method: "POST", path: "/api/teams", expect: 400 },
  { method: "GET", path: "/api/teams/unknown", expect: 404 },
];

async function main() {
  let failures = 0;
  for (const route of ROUTES) {
    const res = await fetch(BASE_URL + route.path, { method: route.method });
    const ok = res.status === route.expect;
    if (!ok) failures += 1;
    console.log(`${ok ? "PASS" : "FAIL"} ${route.method} ${route.path} -> ${res.status}`);
  }
  process.exit(failures === 0 ? 0 : 1);
}

main();
