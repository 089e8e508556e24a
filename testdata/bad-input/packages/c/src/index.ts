import { main } from "@bad/a";
import { label } from "./label";

export const report = `${label}: ${main()}`;
