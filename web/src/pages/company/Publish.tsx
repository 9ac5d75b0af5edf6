// Placeholder until this console area is built; the route table needs the module to exist.
export default function PublishPage() {
  return <h1>Publish</h1>;
}
