import { describe, expect, it } from "vitest";
import type { Recipient } from "./model.ts";
import { suggestFromHandListed } from "./register-suggestions.ts";
import { slugFromName } from "./slug-from-name.ts";

const recipient = (name: string): Recipient => ({ name, role: "processor", country: "NL", safeguard: "eea" });
const company = (slug: string) => ({ slug, name: slug.toUpperCase() });

describe("suggestFromHandListed", () => {
  it("leaves out the names the register has, however they are spaced or cased", () => {
    const register = [{ key: "mailer", recipient: recipient("Mailer B.V.") }];
    const found = suggestFromHandListed(register, [
      { recipient: recipient("  MAILER   b.v."), companies: 3, named: [company("a")] },
      { recipient: recipient("Opslag B.V."), companies: 1, named: [company("b")] },
    ]);
    expect(found.map((s) => s.recipient.name)).toEqual(["Opslag B.V."]);
  });

  it("joins names that differ in their spaces, most companies first, each with a key not yet taken", () => {
    const register = [{ key: "opslag-b-v", recipient: recipient("Iets Anders B.V.") }];
    const found = suggestFromHandListed(register, [
      { recipient: recipient("Opslag B.V."), companies: 1, named: [company("a")] },
      { recipient: recipient("Hosting  B.V."), companies: 2, named: [company("b"), company("c")] },
      {
        recipient: { ...recipient("hosting b.v."), processor: "x" },
        companies: 2,
        named: [company("c"), company("d")],
      },
    ]);
    expect(found.map((s) => [s.key, s.companies, s.named.map((c) => c.slug)])).toEqual([
      ["hosting-b-v", 4, ["b", "c", "d"]],
      // The register already has the key the name would give.
      ["opslag-b-v-2", 1, ["a"]],
    ]);
    // What a suggestion proposes is the recipient's details, never a register reference.
    expect(found.every((s) => !("processor" in s.recipient))).toBe(true);
  });

  it("makes keys of lower-case letters, digits and dashes", () => {
    expect(slugFromName("Lage Landen Hosting B.V.")).toBe("lage-landen-hosting-b-v");
    expect(slugFromName("Zürich Cloud AG")).toBe("zurich-cloud-ag");
    expect(slugFromName("ﬁnance — Ærø ")).toBe("finance-r");
  });
});
