import { greet } from "@npm-array/core";
import { parseArgs } from "./args";

const { name } = parseArgs(process.argv.slice(2));
console.log(greet(name));
