import { notFound } from "next/navigation";
import { CommentBox } from "@/components/comment-box";
import { formatDate } from "@/lib/format-date";
import { findPost, queueComment } from "@/lib/posts";

export default async function PostPage({ params }: { params: { slug: string } }) {
  const post = await findPost(params.slug);
  if (!post) notFound();
  return (
    <main className="prose mx-auto py-10">
      <h1>{post.title}</h1>
      <time dateTime={post.publishedAt}>{formatDate(post.publishedAt)}</time>
      <div dangerouslySetInnerHTML={{ __html: post.html }} />
      <CommentBox onSubmit={queueComment.bind(null, post.slug)} />
    </main>
  );
}
