export function readSession(): null {
  return null;
}
