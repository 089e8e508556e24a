import { OrderTable } from "@/components/order-table";
import { UserFilter } from "@/components/user-filter";

export default function AdminHome() {
  return (
    <main className="admin">
      <h1>Back office</h1>
      <OrderTable orders={[]} onRefund={(id) => console.info("refund", id)} />
      <UserFilter users={[{ email: "ana@seed.dev", role: "owner" }]} />
    </main>
  );
}
