import { healthPayload } from "@bun-ws/shared";

Bun.serve({
  port: 3000,
  fetch() {
    return Response.json(healthPayload());
  },
});
