// npm start: build the console, prepare the local D1 with the demo group, run Verklaring, and say
// in a few lines that it runs and which addresses to open. VERBOSE=1 shows every request too.
import { spawnSync } from "node:child_process";
import { prepareLocalDatabase, startWranglerDev } from "./local-server.mjs";

const port = Number(process.env.PORT ?? 8787);
const verbose = process.env.VERBOSE === "1";

const step = (text) => process.stdout.write(`${text}…`);
const done = (text = "done") => process.stdout.write(` ${text}\n`);

step("Building the console");
const build = spawnSync("vite", ["build", "--config", "web/vite.config.ts", "--logLevel", "error"], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "pipe"],
});
if (build.status !== 0) {
  process.stdout.write("\n");
  process.stderr.write(`${build.stdout ?? ""}${build.stderr ?? ""}`);
  process.exit(build.status ?? 1);
}
done();

step("Preparing the local database (.wrangler/state)");
const database = prepareLocalDatabase();
done(`${database.migrations}; ${database.seed}`);

step(`Starting the worker on port ${port}`);
const server = await startWranglerDev({ port, verbose });
done();

const base = `http://localhost:${port}`;
console.log(`
Verklaring is running at ${base}

Open:
  Sign in to the console      ${base}/sign-in
  Conxillium's dashboard      ${base}/console/conxillium   (as the privacy lead)
  JCC Software's editor       ${base}/console/conxillium/companies/jcc-software
  Public statements           ${base}/groups/conxillium
  JCC Software, public page   ${base}/v1/statements/conxillium/jcc-software   (.json, .md, .txt, ?lang=en)

Demo accounts, password "verklaring-demo" (local demo only):
  lead@conxillium.example      privacy lead of Conxillium
  editor@jccsoftware.example   editor of JCC Software
  viewer@jccsoftware.example   viewer of JCC Software
  editor@dataquint.example     editor of DataQuint

Press Ctrl+C to stop.${verbose ? "" : " (VERBOSE=1 npm start also shows every request.)"}
`);
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
