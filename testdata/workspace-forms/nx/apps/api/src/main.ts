import { createServer } from "node:http";
import { toSlug } from "@nx-demo/shared";

createServer((req, res) => {
  res.end(toSlug(req.url ?? "/"));
}).listen(3333);
