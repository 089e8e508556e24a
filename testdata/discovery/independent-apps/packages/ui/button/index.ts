export { Button } from '../src/index';
