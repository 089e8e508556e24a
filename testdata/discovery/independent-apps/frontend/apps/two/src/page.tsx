import { Button } from '@acme/ui';
import { title } from './title';

export default () => Button(title);
