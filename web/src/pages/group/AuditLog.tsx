// Placeholder until this console area is built; the route table needs the module to exist.
export default function AuditLogPage() {
  return <h1>AuditLog</h1>;
}
