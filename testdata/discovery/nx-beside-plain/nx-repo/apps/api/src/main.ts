import { slug } from '@nxr/util';

console.log(slug('Hello'));
