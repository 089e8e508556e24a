export * from "./format";
export { clamp } from "./math";
