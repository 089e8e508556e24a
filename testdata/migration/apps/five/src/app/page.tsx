import { AuthProvider, useAuthGuard } from "@mig/auth";

function Profile() {
  const session = useAuthGuard();
  return <p>{session.userId}</p>;
}

export default function Page() {
  return (
    <AuthProvider session={null}>
      <Profile />
    </AuthProvider>
  );
}
