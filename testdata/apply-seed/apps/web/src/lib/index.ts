export * from "./format";
export { useDebounce } from "../hooks/use-debounce";
