export const gen = 4;
