import { Button } from '@acme/ui';

export default () => Button('three');
