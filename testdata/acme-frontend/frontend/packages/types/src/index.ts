export type { AccountRole, Account } from "./account";
export type * from "./billing";

export interface ApiResponse<T> {
  data: T;
  error?: { code: string; message: string };
}
