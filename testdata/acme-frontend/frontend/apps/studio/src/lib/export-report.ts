import legacyFormat = require("./legacy-format");
import { formatDate, slugify } from "@/lib/utils";

type LegacyFormatter = typeof import("./legacy-format");

const formatter: LegacyFormatter = legacyFormat;

export function buildReport(title: string, date: Date): { file: string; heading: string; printed: string } {
  return {
    file: `${slugify(title)}.md`,
    heading: formatter(title, date),
    printed: formatDate(date),
  };
}
