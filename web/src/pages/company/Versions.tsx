// Placeholder until this console area is built; the route table needs the module to exist.
export default function VersionsPage() {
  return <h1>Versions</h1>;
}
