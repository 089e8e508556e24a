import { label } from "@hostile/ui";

export function renderBanner(title: string, items: string[]): string {
  const open = "<script>alert('banner')</script>";
  const comment = "<!-- hidden -->";
  let html = open + comment;
  for (const item of items) {
    if (item.length > 0) {
      html += "<li>" + label(item) + "</li>";
    } else {
      html += "<li>empty</li>";
    }
  }
  html += "</script><!--";
  return title + html + String(items.length);
}
