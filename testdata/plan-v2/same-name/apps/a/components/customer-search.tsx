"use client";

import { useEffect, useState } from "react";
import { useDebounce } from "@/hooks/use-debounce";
import { useDebounce as useSettled } from "@/lib/debounce";

export function CustomerSearch({ onResults }: { onResults: (names: string[]) => void }) {
  const [term, setTerm] = useState("");
  const query = useDebounce(term.trim(), 250);
  const visibleQuery = useSettled(query, 50);

  useEffect(() => {
    if (query.length < 2) return;
    const controller = new AbortController();
    fetch(`/api/customers?q=${encodeURIComponent(query)}`, { signal: controller.signal })
      .then((r) => r.json() as Promise<{ names: string[] }>)
      .then((body) => onResults(body.names))
      .catch(() => undefined);
    return () => controller.abort();
  }, [query, onResults]);

  return <input value={term} onChange={(e) => setTerm(e.target.value)} placeholder={visibleQuery || "Search customers"} />;
}
