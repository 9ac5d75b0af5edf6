// Seeds the local D1 with the Conxillium demo group through the same code the worker runs.
// Usage: node scripts/seed.ts [--persist-to DIR]   (DIR as given to `wrangler dev --persist-to`)
import { getPlatformProxy } from "wrangler";
import { seedDemoGroup } from "../worker/demo-seed.ts";
import type { Bindings } from "../worker/env.ts";

const flag = process.argv.indexOf("--persist-to");
const persistTo = flag > 0 ? process.argv[flag + 1] : undefined;

const proxy = await getPlatformProxy<Bindings>({
  configPath: "wrangler.toml",
  persist: persistTo ? { path: `${persistTo}/v3` } : true,
});
try {
  const result = await seedDemoGroup(proxy.env.DB, new Date().toISOString());
  const what = result.createdGroup ? "created the Conxillium demo group" : "demo group already present";
  console.log(
    `seed: ${what}; published ${result.published.length ? result.published.join(", ") : "nothing new"}.`,
  );
} finally {
  await proxy.dispose();
}
