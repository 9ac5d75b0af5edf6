import type { D1Migration } from "cloudflare:test";
import type { Bindings } from "../env.ts";
import type * as WorkerModule from "../index.ts";

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[];
      IMPORT_STATEMENT_JCC: string;
      MIGRATION_DB: D1Database;
    }
    interface GlobalProps {
      mainModule: typeof WorkerModule;
    }
  }
}
