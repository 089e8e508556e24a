export const FEATURE_FLAGS = {
  "studio-collab": false,
  "new-billing": true,
  "audit-log": true,
} as const;

export type FeatureFlag = keyof typeof FEATURE_FLAGS;

export function isFeatureEnabled(flag: FeatureFlag): boolean {
  const override = process.env[`NEXT_PUBLIC_FLAG_${flag.toUpperCase().replace(/-/g, "_")}`];
  return override === undefined ? FEATURE_FLAGS[flag] : override === "1";
}
