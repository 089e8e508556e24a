export interface Post {
  slug: string;
  title: string;
  date: string;
}

export const posts: Post[] = [
  { slug: "hello-kit", title: "Hello, Kit", date: "2024-03-01" },
  { slug: "exports-maps", title: "Package exports, explained", date: "2024-04-12" },
  { slug: "pnpm-workspaces", title: "Living with pnpm workspaces", date: "2024-05-20" },
  { slug: "icons", title: "Tree-shakeable icons", date: "2024-06-02" },
];
