import { formatCurrency } from "./format";

interface InvoiceRow {
  number: string;
  customer: string;
  total: number;
  paid: boolean;
}

export default [
  { id: "number", header: "Invoice", width: 120, cell: (row: InvoiceRow) => row.number },
  { id: "customer", header: "Customer", width: 240, cell: (row: InvoiceRow) => row.customer },
  { id: "total", header: "Total", width: 120, cell: (row: InvoiceRow) => formatCurrency(row.total) },
  { id: "paid", header: "Status", width: 100, cell: (row: InvoiceRow) => (row.paid ? "Paid" : "Open") },
];
