// Placeholder until this console area is built; the route table needs the module to exist.
export default function DashboardPage() {
  return <h1>Dashboard</h1>;
}
