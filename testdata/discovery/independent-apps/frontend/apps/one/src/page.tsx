import { Button } from '@acme/ui';
import Link from 'next/link';

export default function Page() {
  return Button(String(Link));
}
