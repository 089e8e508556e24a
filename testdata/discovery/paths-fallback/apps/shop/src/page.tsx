import { Button } from '@scope/ui';
import { login } from '@scope/auth';

export default () => [Button, login];
