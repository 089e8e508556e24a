import { appConfig } from "@/lib/config";

export interface Post {
  slug: string;
  title: string;
  html: string;
  publishedAt: string;
  tags: string[];
}

export async function findPost(slug: string): Promise<Post | null> {
  const res = await fetch(`${appConfig.cdn}/posts/${slug}.json`, { cache: "force-cache" });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`post ${slug}: HTTP ${res.status}`);
  return (await res.json()) as Post;
}

export async function queueComment(slug: string, body: string): Promise<void> {
  await fetch(`https://queue.example.test/${appConfig.moderationQueue}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ slug, body, receivedAt: Date.now() }),
  });
}

export function relatedPosts(post: Post, all: Post[], limit = 3): Post[] {
  const tags = new Set(post.tags);
  return all
    .filter((p) => p.slug !== post.slug)
    .map((p) => ({ p, score: p.tags.filter((t) => tags.has(t)).length }))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit)
    .map((x) => x.p);
}
