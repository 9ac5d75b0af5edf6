// Test helpers for the importer (Node only): the statements written for the tests live in
// ./fixtures inside the repository. process.getBuiltinModule keeps node:fs out of the import
// graph, so this file also type-checks under the Workers configuration that covers shared/.
import type { Group, TenantContent } from "../model.ts";
import type { ImportContext } from "./propose.ts";

export function readFixture(name: string): string {
  const fs = process.getBuiltinModule("node:fs") as { readFileSync(path: URL, encoding: "utf8"): string };
  return fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}

/** A valid draft that shares no words with the fixtures, so anything found in it came from the import. */
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

/** A group of eight, like the demo's, for the member-count and other-company checks. */
export function createImportGroup(): Group {
  const names = ["BeheerVisie", "DataQuint", "GeoTax", "I-Real", "JCC Software", "Pharox", "Procura", "SIM"];
  return {
    slug: "conxillium",
    name: "Conxillium",
    languages: ["nl", "en"],
    defaultLanguage: "nl",
    members: names.map((name) => ({ slug: name.toLowerCase().replace(/[^a-z]+/g, "-"), name })),
  };
}

export function createImportContext(
  company: { slug: string; name: string },
  draft = createBlankContent(),
): ImportContext {
  return { group: createImportGroup(), company, draft };
}
