// Placeholder until this console area is built; the route table needs the module to exist.
export default function EmbedPage() {
  return <h1>Embed</h1>;
}
