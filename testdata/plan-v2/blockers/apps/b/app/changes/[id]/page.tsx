import { CommentBox } from "@/components/comment-box";
import { formatDate } from "@/lib/format-date";
import { loadChange, postReview } from "@/lib/review";

export default async function ChangePage({ params }: { params: { id: string } }) {
  const change = await loadChange(Number(params.id));
  return (
    <div className="grid grid-cols-[1fr_20rem] gap-6">
      <pre className="overflow-auto text-xs">{change.diff}</pre>
      <aside>
        <h2 className="font-medium">{change.title}</h2>
        <ul className="my-3 text-sm">
          {change.reviews.map((r) => (
            <li key={r.at}>{r.author}: {r.verdict} ({formatDate(r.at)})</li>
          ))}
        </ul>
        <CommentBox onSubmit={postReview.bind(null, change.id)} />
      </aside>
    </div>
  );
}
