import { greet } from 'plain-core';

greet('web');
