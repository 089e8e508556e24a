import { login } from '@scope/auth';
import { session } from '@scope/auth/session';
import { track } from '@scope/analytics';
import { old } from '@legacy/old';
import { gone } from '@/gone';
import { util } from '@/util';

export default () => [login, session, track, old, gone, util];
