import { useCallback, useEffect, useRef, useState } from "react";

export function useDebounce<T>(value: T, wait = 300): T {
  const [settled, setSettled] = useState(value);

  useEffect(() => {
    const handle = setTimeout(() => setSettled(value), wait);
    return () => clearTimeout(handle);
  }, [value, wait]);

  return settled;
}

export function useDebouncedCallback<A extends unknown[]>(callback: (...args: A) => void, wait = 300) {
  const latestRef = useRef(callback);
  const handleRef = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    latestRef.current = callback;
  }, [callback]);

  useEffect(
    () => () => {
      if (handleRef.current) clearTimeout(handleRef.current);
    },
    [],
  );

  return useCallback(
    (...args: A) => {
      if (handleRef.current) clearTimeout(handleRef.current);
      handleRef.current = setTimeout(() => latestRef.current(...args), wait);
    },
    [wait],
  );
}
