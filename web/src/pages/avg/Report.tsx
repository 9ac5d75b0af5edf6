// Placeholder until this console area is built; the route table needs the module to exist.
export default function ReportPage() {
  return <h1>Report</h1>;
}
