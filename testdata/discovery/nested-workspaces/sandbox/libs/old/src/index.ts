export const o = 0;
