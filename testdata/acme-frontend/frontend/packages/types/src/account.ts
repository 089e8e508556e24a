export type AccountRole = "owner" | "admin" | "member" | "viewer";

export interface Account {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  createdAt: string;
}
