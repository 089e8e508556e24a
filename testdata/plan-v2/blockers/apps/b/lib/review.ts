import { appConfig } from "@/lib/config";

type Verdict = "approve" | "request-changes" | "comment";

interface Review {
  author: string;
  verdict: Verdict;
  at: string;
}

interface Change {
  id: number;
  title: string;
  diff: string;
  reviews: Review[];
}

export async function loadChange(id: number): Promise<Change> {
  const res = await fetch(`http://review.internal/changes/${id}?context=${appConfig.diffContextLines}`);
  return (await res.json()) as Change;
}

export async function postReview(id: number, body: string): Promise<void> {
  const verdict: Verdict = /^lgtm\b/i.test(body) ? "approve" : "comment";
  await fetch(`http://review.internal/changes/${id}/reviews`, {
    method: "POST",
    body: JSON.stringify({ verdict, body }),
  });
}

export function isMergeable(change: Change): boolean {
  const approvals = new Set(change.reviews.filter((r) => r.verdict === "approve").map((r) => r.author));
  const blocked = change.reviews.some((r) => r.verdict === "request-changes");
  return !blocked && approvals.size >= appConfig.reviewersPerChange;
}
