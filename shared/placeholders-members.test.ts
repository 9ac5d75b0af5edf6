// A large group's statements link to the group's public page of companies instead of each naming
// every member (issue 20, item 2); a small group's (the demo's eight) keep the names inline.
import { describe, expect, it } from "vitest";
import { INLINE_MEMBERS, lookupPlaceholder } from "./placeholders.ts";
import { createTenant } from "./testing/fixtures.ts";

const withMembers = (count: number, membersPage?: string) => {
  const tenant = createTenant();
  tenant.group = {
    ...tenant.group,
    members: Array.from({ length: count }, (_, i) => ({ slug: `bedrijf-${i}`, name: `Bedrijf ${i}` })),
    ...(membersPage ? { membersPage } : {}),
  };
  return tenant;
};

describe("group.members", () => {
  it("names every member of a group of up to INLINE_MEMBERS companies", () => {
    const value = lookupPlaceholder("group.members", withMembers(INLINE_MEMBERS), "nl");
    expect(value).toEqual({ status: "value", value: expect.stringContaining("Bedrijf 0, Bedrijf 1") });
    expect(value.status === "value" && value.value.endsWith(`en Bedrijf ${INLINE_MEMBERS - 1}`)).toBe(true);
  });

  it("links a larger group's statements to its page of companies, in each language", () => {
    const page = "https://verklaring.example.nl/v1/statements/groot.html";
    const large = withMembers(INLINE_MEMBERS + 1, page);
    expect(lookupPlaceholder("group.members", large, "nl")).toEqual({
      status: "value",
      value: `vermeld op ${page}`,
    });
    expect(lookupPlaceholder("group.members", large, "en")).toEqual({
      status: "value",
      value: `listed at ${page}`,
    });
    // The count stays: "een van de 101 bedrijven".
    expect(lookupPlaceholder("group.memberCount", large, "nl")).toEqual({ status: "value", value: "101" });
  });
});

describe("a large group read with its first members only (memberCount)", () => {
  it("counts and links by memberCount, not by the names read", () => {
    const page = "https://verklaring.example.nl/v1/statements/groot.html";
    const tenant = withMembers(INLINE_MEMBERS + 1, page);
    tenant.group = { ...tenant.group, memberCount: 10_000 };
    expect(lookupPlaceholder("group.memberCount", tenant, "nl")).toEqual({ status: "value", value: "10000" });
    expect(lookupPlaceholder("group.members", tenant, "en")).toEqual({
      status: "value",
      value: `listed at ${page}`,
    });
  });
});
