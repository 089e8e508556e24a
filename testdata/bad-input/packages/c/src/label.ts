export const label = "package c";
