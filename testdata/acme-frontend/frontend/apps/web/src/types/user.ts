import type { Organization } from "./organization";

export type Role = "owner" | "admin" | "member";

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organization: Organization;
}
