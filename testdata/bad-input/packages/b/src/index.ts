import { helper } from "./helper";

export const value = helper(21);
