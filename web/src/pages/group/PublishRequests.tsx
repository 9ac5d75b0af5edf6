// Placeholder until this console area is built; the route table needs the module to exist.
export default function PublishRequestsPage() {
  return <h1>PublishRequests</h1>;
}
