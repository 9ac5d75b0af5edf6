// Test helpers for the importer (Node only). The seeds are read from ../shared/seeds/ next to
// the repository; process.getBuiltinModule keeps node:fs out of the import graph, so this file
// also type-checks under the Workers configuration that covers shared/.
import type { TenantContent } from "../model.ts";

export const GROUP_SEED = "002_9f4caddd9b602121.txt";
export const JCC_SEED = "000_e411011ccba8019a.txt";

export function readSeed(name: string): string {
  const fs = process.getBuiltinModule("node:fs") as { readFileSync(path: URL, encoding: "utf8"): string };
  return fs.readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url), "utf8");
}

/** A valid draft that shares no words with the seeds, so anything found in it came from the import. */
export function createBlankContent(): TenantContent {
  return {
    profile: {
      legalName: "Nog in te vullen",
      tradeName: "Nog in te vullen",
      kvkNumber: "00000000",
      address: { street: "Onbekend 1", postalCode: "0000 AA", city: "Onbekend", country: "NL" },
      email: "import@example.invalid",
      phone: "+31 00 000 0000",
      website: "https://example.invalid",
    },
    lists: { data_categories: [], purposes: [], retention: [], recipients: [], cookies: [] },
    overrides: {},
    ownSections: [],
  };
}
