import { label } from "@hostile/ui";

export function renderHeader(heading: string, entries: string[]): string {
  const open = "<script>alert('banner')</script>";
  const comment = "<!-- hidden -->";
  let html = open + comment;
  for (const entry of entries) {
    if (entry.length > 0) {
      html += "<li>" + label(entry) + "</li>";
    } else {
      html += "<li>empty</li>";
    }
  }
  html += "</script><!--";
  return heading + html + String(entries.length);
}
