type Row = { name: string; total: number; status: string };

export function buildReport(rows: Row[]) {
  const header = ['name', 'total', 'status'];
  const body = rows.map((row) => [row.name, String(row.total), row.status]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const pad = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  const lines = [pad(header), widths.map((n) => '-'.repeat(n)).join('-+-')];
  for (const cells of body) {
    lines.push(pad(cells));
  }
  const totals = rows.reduce((sum, row) => sum + row.total, 0);
  const failed = rows.filter((row) => row.status === 'failed').length;
  const summary = `${rows.length} rows, ${failed} failed, total ${totals.toFixed(2)}`;
  lines.push('');
  lines.push(summary);
  return lines.join('\n');
}
