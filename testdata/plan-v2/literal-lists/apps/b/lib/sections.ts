const ADMIN_ONLY = new Set(["billing", "sso", "audit-log", "retention", "danger"]);

export function sectionTitle(slug: string): string {
  return slug
    .split("-")
    .map((part) => (part === "api" || part === "sso" ? part.toUpperCase() : part[0].toUpperCase() + part.slice(1)))
    .join(" ");
}

export function visibleSections(all: string[], isAdmin: boolean): string[] {
  return isAdmin ? all : all.filter((s) => !ADMIN_ONLY.has(s));
}

export function nextSection(all: string[], current: string): string | undefined {
  const i = all.indexOf(current);
  return i >= 0 && i < all.length - 1 ? all[i + 1] : undefined;
}
