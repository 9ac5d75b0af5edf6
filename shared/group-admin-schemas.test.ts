import * as v from "valibot";
import { expect, it } from "vitest";
import { CompanyArchiveSchema, HttpsUrlSchema } from "./group-admin-schemas.ts";

it("names an address that is no URL as a problem instead of throwing", () => {
  for (const input of ["not a url", "é<'\";--".repeat(400), "https://", ""]) {
    const result = v.safeParse(HttpsUrlSchema, input);
    expect(result.success, input.slice(0, 20)).toBe(false);
    expect(result.issues?.[0]?.message.length).toBeGreaterThan(0);
  }
  expect(v.safeParse(CompanyArchiveSchema, { successorUrl: "x".repeat(3000) }).success).toBe(false);
});

it("refuses a user name or password in the address and accepts a plain https address", () => {
  expect(v.safeParse(HttpsUrlSchema, "https://user:pw@buyer.example/privacy").success).toBe(false);
  expect(v.safeParse(HttpsUrlSchema, "http://buyer.example/privacy").success).toBe(false);
  expect(v.safeParse(HttpsUrlSchema, " https://buyer.example/privacy ").output).toBe(
    "https://buyer.example/privacy",
  );
});
