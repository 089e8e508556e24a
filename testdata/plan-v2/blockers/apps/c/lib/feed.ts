import type { Post } from "@/lib/posts";
import { appConfig } from "@/lib/config";

function xmlEscape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export function buildRss(site: { title: string; url: string }, posts: Post[]): string {
  const items = posts
    .slice()
    .sort((x, y) => y.publishedAt.localeCompare(x.publishedAt))
    .slice(0, 20)
    .map((post) => {
      const link = `${site.url}/posts/${post.slug}`;
      return [
        "<item>",
        `<title>${xmlEscape(post.title)}</title>`,
        `<link>${link}</link>`,
        `<guid isPermaLink="true">${link}</guid>`,
        `<pubDate>${new Date(post.publishedAt).toUTCString()}</pubDate>`,
        ...post.tags.map((t) => `<category>${xmlEscape(t)}</category>`),
        "</item>",
      ].join("");
    });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0"><channel>',
    `<title>${xmlEscape(site.title)}</title>`,
    `<link>${site.url}</link>`,
    `<description>Stage ${appConfig.stage}</description>`,
    ...items,
    "</channel></rss>",
  ].join("\n");
}
