// Request bodies for running a group over the years (issue 18): its companies, its settings and
// its people. Shared by the worker (validation) and the console (forms check with the same rules).
import * as v from "valibot";
import { RoleSchema } from "./api-schemas.ts";
import { ProfileSchema, SlugSchema } from "./model.ts";

const line = (max: number) =>
  v.pipe(
    v.string("must be a string"),
    v.trim(),
    v.minLength(1, "must not be empty"),
    v.maxLength(max, `must be at most ${max} characters`),
  );

/**
 * An https address on the public internet, without a user name or password. The worker checks it
 * again with its outbound guard (worker/net/outbound-url.ts) before storing it.
 */
export const HttpsUrlSchema = v.pipe(
  v.string("must be a string"),
  v.trim(),
  v.maxLength(2048, "must be at most 2048 characters"),
  v.check((s) => URL.canParse(s), "must be a URL"),
  v.check((s) => s.startsWith("https://"), "must start with https://"),
  v.check((s) => {
    const url = new URL(s);
    return url.username === "" && url.password === "";
  }, "must not contain a user name or password"),
);

const WebsitesSchema = v.pipe(
  v.array(HttpsUrlSchema, "must be a list of https addresses"),
  v.maxLength(20, "must be at most 20 addresses"),
  v.check((list) => new Set(list).size === list.length, "must not name an address twice"),
);

const CompanyNameSchema = line(120);

/**
 * A new company: its address and display name, the websites that will show its statement, and the
 * profile its statement starts from (legal name, trade name, KvK number, address, contact). With
 * `copyFrom`, its lists, section choices and own sections start as another company's draft has them.
 */
export const CompanyCreateSchema = v.strictObject({
  slug: SlugSchema,
  name: CompanyNameSchema,
  websites: v.optional(WebsitesSchema, []),
  profile: ProfileSchema,
  copyFrom: v.optional(SlugSchema),
});

/** A change of a company's identity; what is left out stays. A new slug redirects the old one. */
export const CompanyUpdateSchema = v.pipe(
  v.strictObject({
    slug: v.optional(SlugSchema),
    name: v.optional(CompanyNameSchema),
    websites: v.optional(WebsitesSchema),
  }),
  v.check((change) => Object.keys(change).length > 0, "must change at least one of slug, name, websites"),
);

export const CompanyArchiveSchema = v.strictObject({
  /** Where the statement now lives (a buyer's, say): the public URL redirects there instead of 410. */
  successorUrl: v.optional(HttpsUrlSchema),
  /** Why, for the audit log: sold, merged, closed. */
  reason: v.optional(line(500)),
});

/** Another role for someone who is already a member of the group (no second account, no invitation). */
export const MemberAddSchema = v.pipe(
  v.strictObject({
    user: v.pipe(v.number("must be a number"), v.integer("must be a whole number"), v.minValue(1)),
    role: RoleSchema,
    tenant: v.optional(SlugSchema),
  }),
  v.forward(
    v.check(
      (input) => (input.role === "group_admin") === (input.tenant === undefined),
      "is required for company roles and not allowed for group_admin",
    ),
    ["tenant"],
  ),
);
