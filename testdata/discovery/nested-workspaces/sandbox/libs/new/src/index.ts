import { a } from '@outer/a';

export const n = a + 1;
