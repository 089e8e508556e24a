function readNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const parsed = raw === undefined ? Number.NaN : Number.parseInt(raw, 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

export const appConfig = {
  commentMaxLength: readNumber("NEXT_PUBLIC_REVIEW_COMMENT_MAX", 2000),
  reviewersPerChange: readNumber("NEXT_PUBLIC_REVIEWERS", 2),
  diffContextLines: 3,
};
