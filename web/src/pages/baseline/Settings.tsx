// Placeholder until this console area is built; the route table needs the module to exist.
export default function SettingsPage() {
  return <h1>Settings</h1>;
}
