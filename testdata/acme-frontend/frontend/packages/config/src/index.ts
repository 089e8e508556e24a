export * from "./urls";
export { FEATURE_FLAGS, isFeatureEnabled } from "./features";

export const COMPANY_NAME = "Acme Inc.";
export const SUPPORT_EMAIL = "support@acme.example";
export const DEFAULT_PAGE_SIZE = 25;
