// Placeholder until this console area is built; the route table needs the module to exist.
export default function ImportPage() {
  return <h1>Import</h1>;
}
