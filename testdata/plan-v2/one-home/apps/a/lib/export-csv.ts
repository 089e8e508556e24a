type Cell = string | number | boolean | null | undefined;

function escapeCell(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  const text = String(cell);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  const lines = [header.map(escapeCell).join(",")];
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new RangeError(`row has ${row.length} cells, header has ${header.length}`);
    }
    lines.push(row.map(escapeCell).join(","));
  }
  return lines.join("\n") + "\n";
}

export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob([csv], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename.endsWith(".csv") ? filename : `${filename}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
