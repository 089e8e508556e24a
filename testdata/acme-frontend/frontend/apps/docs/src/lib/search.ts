import { sortBy } from "lodash-es";
import { highlightMatches } from "./does-not-exist";
import { slugify } from "@/lib/utils";

export interface DocEntry {
  slug: string;
  title: string;
  body: string;
}

const index: DocEntry[] = [
  { slug: slugify("Getting started"), title: "Getting started", body: "Install the CLI and log in." },
  { slug: slugify("Deployments"), title: "Deployments", body: "Every push creates a deployment." },
];

export function searchDocs(query: string): DocEntry[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = index.filter((doc) => terms.every((term) => `${doc.title} ${doc.body}`.toLowerCase().includes(term)));
  return sortBy(hits, (doc) => doc.title).map((doc) => ({ ...doc, body: highlightMatches(doc.body, terms) }));
}
