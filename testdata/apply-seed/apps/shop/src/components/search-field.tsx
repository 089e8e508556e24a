"use client";

import { useEffect, useState } from "react";
import { useDebounce } from "@/hooks/use-debounce";
import { preloadSearch } from "@/lib/preload";

export function SearchField({ onSearch }: { onSearch: (term: string) => void }) {
  const [term, setTerm] = useState("");
  const debounced = useDebounce(term, 400);

  useEffect(() => {
    onSearch(debounced);
  }, [debounced, onSearch]);

  return (
    <label onMouseEnter={() => void preloadSearch()}>
      Search
      <input type="search" value={term} onChange={(e) => setTerm(e.target.value)} />
    </label>
  );
}
