// CommonJS-style module kept for the old export pipeline.
function legacyFormat(title: string, date: Date): string {
  const stamp = date.toISOString().slice(0, 10);
  return `${stamp} - ${title.trim()}`;
}

export = legacyFormat;
