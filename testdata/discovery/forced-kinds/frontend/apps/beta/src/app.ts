import { helper } from './lib/helper';
export const app = helper();
