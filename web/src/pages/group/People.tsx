// Placeholder until this console area is built; the route table needs the module to exist.
export default function PeoplePage() {
  return <h1>People</h1>;
}
