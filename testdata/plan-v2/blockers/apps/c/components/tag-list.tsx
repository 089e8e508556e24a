import Link from "next/link";

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <nav aria-label="Tags" className="flex flex-wrap gap-2">
      {[...tags].sort().map((tag) => (
        <Link key={tag} href={`/tags/${encodeURIComponent(tag)}`} className="text-sm text-teal-700">
          #{tag}
        </Link>
      ))}
    </nav>
  );
}
