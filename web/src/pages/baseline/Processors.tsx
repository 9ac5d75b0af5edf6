// Placeholder until this console area is built; the route table needs the module to exist.
export default function ProcessorsPage() {
  return <h1>Processors</h1>;
}
