import { useCallback, useState } from 'react';

export default function noop() {}

export function useToggle(initial = false) {
  const [on, setOn] = useState(initial);
  const toggle = useCallback(() => setOn((v) => !v), []);
  const enable = useCallback(() => setOn(true), []);
  const disable = useCallback(() => setOn(false), []);
  return { on, toggle, enable, disable };
}
