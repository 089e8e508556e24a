import * as React from "react";

// The one textarea every form of the app uses.
// Styling lives here so that comment fields,
// notes and descriptions look the same.
// Pass rows to override the default height;
// every other prop goes to the element.
export function Textarea(
  props: React.TextareaHTMLAttributes<HTMLTextAreaElement>,
) {
  return (
    <textarea
      rows={4}
      className="w-full rounded-md border px-3 py-2 text-sm"
      {...props}
    />
  );
}
