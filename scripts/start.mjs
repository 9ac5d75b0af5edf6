// npm start: build the console, prepare the local D1 with the demo group, run Verklaring.
import { spawnSync } from "node:child_process";
import { prepareLocalDatabase, startWranglerDev } from "./local-server.mjs";

const port = Number(process.env.PORT ?? 8787);
const build = spawnSync("vite", ["build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
  stdio: "inherit",
});
if (build.status !== 0) process.exit(build.status ?? 1);
prepareLocalDatabase();

const server = await startWranglerDev({ port });
const base = `http://localhost:${port}`;
console.log(`
Verklaring is running.

  Console                 ${base}/
  Conxillium companies    ${base}/groups/conxillium
  JCC Software (HTML)     ${base}/v1/statements/conxillium/jcc-software
  JCC Software (English)  ${base}/v1/statements/conxillium/jcc-software.html?lang=en
  JCC Software (JSON)     ${base}/v1/statements/conxillium/jcc-software.json
  Version history         ${base}/v1/statements/conxillium/jcc-software/versions

Demo accounts (password "verklaring-demo", local demo only):
  lead@conxillium.example      privacy lead of Conxillium (group admin)
  editor@jccsoftware.example   editor of JCC Software
  viewer@jccsoftware.example   viewer of JCC Software
  editor@dataquint.example     editor of DataQuint

Press Ctrl+C to stop.
`);
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
