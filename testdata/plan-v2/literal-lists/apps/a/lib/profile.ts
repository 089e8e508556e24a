import { z } from "zod";

export const profileSchema = z.object({
  displayName: z.string().min(2).max(60),
  bio: z.string().max(280).optional(),
  website: z.string().url().optional(),
  pronouns: z.enum(["she/her", "he/him", "they/them", "other"]).optional(),
});

export type Profile = z.infer<typeof profileSchema>;

export function completeness(profile: Partial<Profile>): number {
  const fields: Array<keyof Profile> = ["displayName", "bio", "website", "pronouns"];
  const filled = fields.filter((f) => {
    const v = profile[f];
    return typeof v === "string" && v.trim().length > 0;
  }).length;
  return Math.round((filled / fields.length) * 100);
}
