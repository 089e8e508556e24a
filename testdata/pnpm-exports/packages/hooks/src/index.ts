export { useToggle } from "./use-toggle";
export { useAccent } from "./use-accent";
