"use client";

import { useToggle } from "@kit/hooks";
import { Button } from "@kit/ui";
import { formatDate } from "@kit/utils";
import { posts } from "@/content/posts";

export default function BlogHome() {
  const [expanded, toggle] = useToggle(false);
  const visible = expanded ? posts : posts.slice(0, 3);
  return (
    <main>
      {visible.map((post) => (
        <article key={post.slug}>
          <h2>{post.title}</h2>
          <time>{formatDate(post.date)}</time>
        </article>
      ))}
      <Button onClick={toggle}>{expanded ? "Show less" : "Show all"}</Button>
    </main>
  );
}
