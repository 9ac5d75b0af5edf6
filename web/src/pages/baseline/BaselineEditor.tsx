// Placeholder until this console area is built; the route table needs the module to exist.
export default function BaselineEditorPage() {
  return <h1>BaselineEditor</h1>;
}
