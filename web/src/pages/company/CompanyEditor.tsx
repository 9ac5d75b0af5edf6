// Placeholder until this console area is built; the route table needs the module to exist.
export default function CompanyEditorPage() {
  return <h1>CompanyEditor</h1>;
}
