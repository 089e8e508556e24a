import { add } from "~/math";
import { describe } from "./ok";
import { greeting } from "./latin1";
import "./vendor.min.js";

export function main(): string {
  return `${describe(add(1, 2))} ${greeting}`;
}
