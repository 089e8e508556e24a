import columns from "@/lib/columns";
import settings from "@/lib/settings";
import { Button } from "@/components/ui/button";

const rows = [
  { number: "INV-1001", customer: "Hartmann GmbH", total: 1290.5, paid: true },
  { number: "INV-1002", customer: "Okafor & Sons", total: 88, paid: false },
];

export default function InvoicesPage() {
  return (
    <main className="p-8">
      <h1 className="mb-6 text-xl">{settings.appName} invoices</h1>
      <table className="w-full">
        <thead>
          <tr>{columns.map((c) => <th key={c.id} style={{ width: c.width }}>{c.header}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.number}>{columns.map((c) => <td key={c.id}>{c.cell(r)}</td>)}</tr>
          ))}
        </tbody>
      </table>
      <Button variant="outline" size="sm">Export</Button>
    </main>
  );
}
