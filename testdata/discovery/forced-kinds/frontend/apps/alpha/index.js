import { core } from '@forced/core';
export default core;
