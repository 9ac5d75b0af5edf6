// What a visitor gets for a path that Workers Static Assets answers (wrangler.toml: every path not
// in run_worker_first): the file from web/dist with web/public/_headers applied, through the same
// ASSETS service that serves it in `wrangler dev`. The tests' own fetch (exports.default.fetch)
// reaches the Worker only, never the assets in front of it.
import { env } from "cloudflare:workers";
import { ORIGIN } from "./clients.ts";

export async function fetchStaticAsset(path: string): Promise<Response> {
  const response = await env.ASSETS.fetch(new Request(`${ORIGIN}${path}`));
  // With the console's single-page fallback, only a missing web/dist answers 404.
  if (response.status === 404) {
    throw new Error(`no static asset for ${path}: build web/dist first (npm run build:web; npm test does)`);
  }
  return response;
}
