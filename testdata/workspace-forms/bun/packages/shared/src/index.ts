export function healthPayload(): { ok: boolean; at: string } {
  return { ok: true, at: new Date().toISOString() };
}
