import { type User } from "./user";

export interface Organization {
  id: string;
  name: string;
  slug: string;
  owner: User;
  members: User[];
}
