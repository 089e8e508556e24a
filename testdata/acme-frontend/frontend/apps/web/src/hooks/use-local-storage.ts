import { useCallback, useEffect, useState } from "react";

type SetValue<T> = T | ((previous: T) => T);

function readValue<T>(key: string, fallback: T): T {
  if (typeof window === "undefined") return fallback;
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

export function useLocalStorage<T>(key: string, initialValue: T) {
  const [stored, setStored] = useState<T>(() => readValue(key, initialValue));

  const setValue = useCallback(
    (value: SetValue<T>) => {
      setStored((previous) => {
        const next = value instanceof Function ? value(previous) : value;
        window.localStorage.setItem(key, JSON.stringify(next));
        return next;
      });
    },
    [key],
  );

  const remove = useCallback(() => {
    window.localStorage.removeItem(key);
    setStored(initialValue);
  }, [key, initialValue]);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === key) setStored(readValue(key, initialValue));
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [key, initialValue]);

  return [stored, setValue, remove] as const;
}
