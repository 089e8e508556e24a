export * from "./button";
export * from "./card";
export { Input, type InputProps } from "./input";
