interface OwnerRule {
  pattern: RegExp;
  owners: string[];
}

export function parseOwners(text: string): OwnerRule[] {
  const rules: OwnerRule[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [glob, ...owners] = line.split(/\s+/);
    const source = glob
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*\*/g, "\u0000")
      .replace(/\*/g, "[^/]*")
      .replace(/\u0000/g, ".*");
    rules.push({ pattern: new RegExp(`^${source.startsWith("/") ? source.slice(1) : `(.*/)?${source}`}$`), owners });
  }
  return rules;
}

export function ownersOf(path: string, rules: OwnerRule[]): string[] {
  let match: string[] = [];
  for (const rule of rules) {
    if (rule.pattern.test(path)) match = rule.owners;
  }
  return match;
}

export function requiredReviewers(paths: string[], rules: OwnerRule[]): string[] {
  const all = new Set<string>();
  for (const p of paths) {
    for (const o of ownersOf(p, rules)) all.add(o);
  }
  return [...all].sort();
}
