// The demo group: Conxillium and its eight companies, as in the seed group statement.
import type { Group } from "../model.ts";

export const DEMO_GROUP: Group = {
  slug: "conxillium",
  name: "Conxillium",
  languages: ["nl", "en"],
  defaultLanguage: "nl",
  members: [
    { slug: "beheervisie", name: "BeheerVisie" },
    { slug: "dataquint", name: "DataQuint" },
    { slug: "geotax", name: "GeoTax" },
    { slug: "i-real", name: "I-Real" },
    { slug: "jcc-software", name: "JCC Software" },
    { slug: "pharox", name: "Pharox" },
    { slug: "procura", name: "Procura" },
    { slug: "sim", name: "SIM" },
  ],
};
