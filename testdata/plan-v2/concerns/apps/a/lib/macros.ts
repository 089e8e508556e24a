interface Macro {
  name: string;
  body: string;
  closes: boolean;
}

const MACROS: Macro[] = [
  { name: "refund", body: "Hi {{name}}, we have refunded order {{order}}. It shows up in 3-5 days.", closes: true },
  { name: "need-info", body: "Hi {{name}}, could you send us a screenshot of the problem?", closes: false },
  { name: "shipping", body: "Hi {{name}}, order {{order}} left our warehouse today.", closes: true },
];

export function expandMacro(name: string, vars: Record<string, string>): { text: string; closes: boolean } | null {
  const macro = MACROS.find((m) => m.name === name);
  if (!macro) return null;
  const text = macro.body.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? `[${key}?]`);
  return { text, closes: macro.closes };
}

export function missingVariables(name: string, vars: Record<string, string>): string[] {
  const macro = MACROS.find((m) => m.name === name);
  if (!macro) return [];
  const wanted = [...macro.body.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
  return [...new Set(wanted)].filter((k) => !(k in vars));
}

export function macroNames(): string[] {
  return MACROS.map((m) => m.name).sort();
}

export function suggestMacro(text: string): string | undefined {
  const lower = text.toLowerCase();
  if (/refund|money back|charged twice/.test(lower)) return "refund";
  if (/where is|tracking|shipped/.test(lower)) return "shipping";
  if (lower.length < 40) return "need-info";
  return undefined;
}
