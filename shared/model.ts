// The statement model: one valibot schema per concept, types inferred from them.
// Everything here is pure and runtime-agnostic: the worker, the console and the
// seed script all validate against these same schemas.
import * as v from "valibot";

export const LANGUAGES = ["nl", "en"] as const;
export const LanguageSchema = v.picklist(LANGUAGES, "must be one of: nl, en");
export type Language = v.InferOutput<typeof LanguageSchema>;

const MAX_TEXT = 20_000;
const MAX_LINE = 300;

/** Lower-case URL-safe identifier; never contains a dot, so URLs can carry a format extension. */
export const SlugSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "must be lower-case letters, digits and dashes (1-64)"),
);

export const SectionKeySchema = v.pipe(
  v.string(),
  v.regex(/^[a-z][a-z0-9_]{0,63}$/, "must start with a letter and contain only a-z, 0-9 and _ (max 64)"),
);

const line = (max = MAX_LINE) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, "must not be empty"),
    v.maxLength(max, `must be at most ${max} characters`),
  );

/** Text in the group's languages. Dutch is always required; English is optional. */
export const LocalizedLineSchema = v.strictObject({ nl: line(), en: v.optional(line()) });
export type LocalizedLine = v.InferOutput<typeof LocalizedLineSchema>;

/** Author text in the Markdown subset (paragraphs, bullet lists, bold, italic, links, placeholders). */
const markdown = v.pipe(v.string(), v.maxLength(MAX_TEXT, `must be at most ${MAX_TEXT} characters`));
export const LocalizedMarkdownSchema = v.strictObject({ nl: markdown, en: v.optional(markdown) });
export type LocalizedMarkdown = v.InferOutput<typeof LocalizedMarkdownSchema>;

// ---------------------------------------------------------------------------
// Group

export const MemberSchema = v.strictObject({ slug: SlugSchema, name: line(120) });
export type Member = v.InferOutput<typeof MemberSchema>;

export const GroupSchema = v.pipe(
  v.strictObject({
    slug: SlugSchema,
    name: line(120),
    languages: v.pipe(v.array(LanguageSchema), v.minLength(1), v.maxLength(LANGUAGES.length)),
    defaultLanguage: LanguageSchema,
    members: v.pipe(v.array(MemberSchema), v.maxLength(500)),
    /**
     * How many active companies the group has, when `members` holds only the first of them (a
     * large group as the database reads it: the statements name at most INLINE_MEMBERS, so a
     * request for a group of 10,000 does not read 10,000 names). Absent: `members` is all of them.
     */
    memberCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    /**
     * The absolute address of the group's public page of its companies (GET /v1/statements/{group}),
     * where a large group's statements point instead of naming every member (placeholders.ts).
     */
    membersPage: v.optional(v.pipe(v.string(), v.url(), v.maxLength(300))),
  }),
  v.check((g) => g.languages.includes("nl"), "languages must include nl"),
  v.check((g) => g.languages.includes(g.defaultLanguage), "defaultLanguage must be one of languages"),
  v.check((g) => new Set(g.languages).size === g.languages.length, "languages must not repeat"),
);
export type Group = v.InferOutput<typeof GroupSchema>;

// ---------------------------------------------------------------------------
// Tenant (subsidiary) profile and structured lists

export const LEGAL_BASES = [
  "consent",
  "contract",
  "legal_obligation",
  "vital_interests",
  "public_task",
  "legitimate_interest",
] as const;
export const LegalBasisSchema = v.picklist(LEGAL_BASES);
export type LegalBasis = v.InferOutput<typeof LegalBasisSchema>;

export const DataCategorySchema = v.strictObject({
  name: LocalizedLineSchema,
  examples: v.optional(LocalizedLineSchema),
  special: v.boolean(),
  /** Where the data comes from when not from the person themselves (Art. 14). */
  source: v.optional(LocalizedLineSchema),
});
export type DataCategory = v.InferOutput<typeof DataCategorySchema>;

/**
 * Whether a person must provide the data for a purpose, and what happens if they do not
 * (Art. 13(2)(e)): required by law, by a contract, to enter into a contract, or voluntary.
 */
export const PROVISION_REQUIREMENTS = [
  "statutory",
  "contractual",
  "contract_prerequisite",
  "voluntary",
] as const;
export const ProvisionSchema = v.strictObject({
  requirement: v.picklist(PROVISION_REQUIREMENTS),
  /** The consequence of not providing the data, e.g. "kunnen wij de overeenkomst niet uitvoeren". */
  consequence: LocalizedLineSchema,
});
export type Provision = v.InferOutput<typeof ProvisionSchema>;

export const PurposeSchema = v.pipe(
  v.strictObject({
    name: LocalizedLineSchema,
    description: v.optional(LocalizedLineSchema),
    legalBasis: LegalBasisSchema,
    /** Required when legalBasis is legitimate_interest: the interest itself (Art. 13(1)(d)). */
    legitimateInterest: v.optional(LocalizedLineSchema),
    /** The purpose is direct marketing: the absolute right to object applies (Art. 21(2)–(4)). */
    directMarketing: v.optional(v.boolean()),
    /** Whether providing the data is required, and the consequence of not doing so (Art. 13(2)(e)). */
    provision: v.optional(ProvisionSchema),
  }),
  v.forward(
    v.check(
      (p) => p.legalBasis !== "legitimate_interest" || p.legitimateInterest !== undefined,
      "is required when the legal basis is legitimate_interest",
    ),
    ["legitimateInterest"],
  ),
);
export type Purpose = v.InferOutput<typeof PurposeSchema>;

export const PeriodSchema = v.strictObject({
  amount: v.pipe(v.number(), v.integer("must be a whole number"), v.minValue(1), v.maxValue(1200)),
  unit: v.picklist(["days", "months", "years"]),
});
export type Period = v.InferOutput<typeof PeriodSchema>;

export const RetentionRuleSchema = v.pipe(
  v.strictObject({
    /** What the rule concerns: a data category or a purpose, in words. */
    subject: LocalizedLineSchema,
    /**
     * The data categories (their Dutch names, as in the data-categories list) the rule covers,
     * when the subject does not name them itself: every category needs a period or criterion
     * (Art. 13(2)(a)).
     */
    categories: v.optional(v.pipe(v.array(line()), v.maxLength(200))),
    period: v.optional(PeriodSchema),
    /** When the period starts, or the criterion when there is no fixed period. */
    criterion: v.optional(LocalizedLineSchema),
    description: v.optional(LocalizedLineSchema),
  }),
  v.forward(
    v.check(
      (r) => r.period !== undefined || r.criterion !== undefined,
      "a retention rule needs a period or a criterion",
    ),
    ["period"],
  ),
);
export type RetentionRule = v.InferOutput<typeof RetentionRuleSchema>;

export const RECIPIENT_ROLES = ["processor", "controller", "joint_controller", "recipient"] as const;
export const SAFEGUARDS = ["eea", "adequacy", "scc", "bcr", "derogation"] as const;
const EEA = new Set(
  "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split(" "),
);
export const isEeaCountry = (code: string): boolean => EEA.has(code);

export const RecipientSchema = v.pipe(
  v.strictObject({
    name: line(160),
    role: v.picklist(RECIPIENT_ROLES),
    service: v.optional(LocalizedLineSchema),
    /** ISO 3166-1 alpha-2 country where the data is processed. */
    country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as NL or US")),
    /** How a transfer outside the EEA is safeguarded; "eea" when the data stays inside. */
    safeguard: v.picklist(SAFEGUARDS),
    /** Key of the group's processor register entry this recipient comes from; the register wins. */
    processor: v.optional(SlugSchema),
  }),
  v.forward(
    v.check(
      (r) => isEeaCountry(r.country) === (r.safeguard === "eea"),
      "must be eea for a country inside the EEA, and adequacy, scc, bcr or derogation outside it",
    ),
    ["safeguard"],
  ),
);
export type Recipient = v.InferOutput<typeof RecipientSchema>;

export const COOKIE_CATEGORIES = ["functional", "analytic", "tracking"] as const;
export const CookieSchema = v.pipe(
  v.strictObject({
    name: line(120),
    provider: line(120),
    category: v.picklist(COOKIE_CATEGORIES),
    purpose: LocalizedLineSchema,
    /** Omitted for a session cookie. */
    lifetime: v.optional(PeriodSchema),
    /**
     * Placed only after the visitor's prior consent. Tracking cookies always need it; analytic
     * cookies only when not set up privacy-friendly as the Autoriteit Persoonsgegevens describes
     * (Telecommunicatiewet art. 11.7a). Omitted: no consent is asked (tracking: consent is asked).
     */
    consent: v.optional(v.boolean()),
  }),
  v.forward(
    v.check(
      (c) => !(c.category === "tracking" && c.consent === false),
      "tracking cookies are placed only with prior consent (Telecommunicatiewet art. 11.7a)",
    ),
    ["consent"],
  ),
);
export type Cookie = v.InferOutput<typeof CookieSchema>;

const EmailSchema = v.pipe(v.string(), v.trim(), v.maxLength(254), v.email("must be an e-mail address"));
const UrlSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(500),
  v.url("must be a URL"),
  v.regex(/^https?:\/\//, "must start with http:// or https://"),
);

const CountryCodeSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as NL or BE"),
);

/** A place of business besides the registered address. */
export const EstablishmentSchema = v.strictObject({ city: line(120), country: CountryCodeSchema });
export type Establishment = v.InferOutput<typeof EstablishmentSchema>;

export const ProfileSchema = v.strictObject({
  legalName: line(160),
  tradeName: line(160),
  /** Dutch Chamber of Commerce number: eight digits. */
  kvkNumber: v.pipe(v.string(), v.regex(/^\d{8}$/, "must be eight digits")),
  address: v.strictObject({
    street: line(160),
    postalCode: line(20),
    city: line(120),
    country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")),
  }),
  email: EmailSchema,
  phone: v.pipe(v.string(), v.trim(), v.regex(/^\+?[0-9 ()-]{6,20}$/, "must be a phone number")),
  website: UrlSchema,
  dpo: v.optional(v.strictObject({ name: line(160), email: EmailSchema })),
  /**
   * Other establishments (offices, branches) besides the address above. The baseline says the
   * company has establishments outside the Netherlands only when one is recorded here.
   */
  establishments: v.optional(v.pipe(v.array(EstablishmentSchema), v.maxLength(50))),
});
export type Profile = v.InferOutput<typeof ProfileSchema>;

export const LISTS = ["data_categories", "purposes", "retention", "recipients", "cookies"] as const;
export const ListKeySchema = v.picklist(LISTS);
export type ListKey = v.InferOutput<typeof ListKeySchema>;

export const StructuredListsSchema = v.strictObject({
  data_categories: v.pipe(v.array(DataCategorySchema), v.maxLength(200)),
  purposes: v.pipe(v.array(PurposeSchema), v.maxLength(200)),
  retention: v.pipe(v.array(RetentionRuleSchema), v.maxLength(200)),
  recipients: v.pipe(v.array(RecipientSchema), v.maxLength(200)),
  cookies: v.pipe(v.array(CookieSchema), v.maxLength(200)),
});
export type StructuredLists = v.InferOutput<typeof StructuredListsSchema>;

// ---------------------------------------------------------------------------
// Baseline

export const POLICIES = ["locked", "extendable", "replaceable", "optional"] as const;
export const PolicySchema = v.picklist(POLICIES);
export type Policy = v.InferOutput<typeof PolicySchema>;

export const BaselineSectionSchema = v.strictObject({
  key: SectionKeySchema,
  title: LocalizedLineSchema,
  body: LocalizedMarkdownSchema,
  /** The structured list rendered after the section's text, if any. */
  list: v.optional(ListKeySchema),
  policy: PolicySchema,
});
export type BaselineSection = v.InferOutput<typeof BaselineSectionSchema>;

/**
 * The privacy lead's decision that the group's companies are joint controllers (Art. 26): they
 * determine purposes and means of (part of) the processing together. When set, the condition
 * `joint_controllers` holds for every company and the statement must describe the essence of the
 * arrangement (Art. 26(2)); the contact point is what `{{group.contact.*}}` fills in.
 */
export const JointControllershipSchema = v.strictObject({
  contactPoint: v.strictObject({
    name: line(160),
    email: EmailSchema,
    phone: v.optional(
      v.pipe(v.string(), v.trim(), v.regex(/^\+?[0-9 ()-]{6,20}$/, "must be a phone number")),
    ),
  }),
});
export type JointControllership = v.InferOutput<typeof JointControllershipSchema>;

export const BaselineSchema = v.pipe(
  v.strictObject({
    /** Statement title; placeholders allowed, e.g. "Privacyverklaring {{company.name}}". */
    title: LocalizedLineSchema,
    sections: v.pipe(v.array(BaselineSectionSchema), v.minLength(1), v.maxLength(100)),
    /** The structured lists a new company starts from. */
    defaults: v.optional(StructuredListsSchema),
    /** Present when the group's companies are joint controllers (Art. 26); absent when not. */
    jointControllership: v.optional(JointControllershipSchema),
  }),
  v.forward(
    v.check(
      (b) => new Set(b.sections.map((s) => s.key)).size === b.sections.length,
      "section keys must be unique",
    ),
    ["sections"],
  ),
);
export type Baseline = v.InferOutput<typeof BaselineSchema>;

// ---------------------------------------------------------------------------
// Tenant overrides and own sections

export const OVERRIDE_MODES = ["inherit", "append", "replace", "omit"] as const;
export const OverrideModeSchema = v.picklist(OVERRIDE_MODES);
export type OverrideMode = v.InferOutput<typeof OverrideModeSchema>;

/** Which override modes each policy allows. Replacing implies the right to append. */
export const ALLOWED_MODES: Readonly<Record<Policy, readonly OverrideMode[]>> = {
  locked: ["inherit"],
  extendable: ["inherit", "append"],
  replaceable: ["inherit", "append", "replace"],
  optional: ["inherit", "omit"],
};

export const SectionOverrideSchema = v.strictObject({
  mode: OverrideModeSchema,
  /** append: text added after the baseline's; replace: the text used instead of it. */
  body: v.optional(LocalizedMarkdownSchema),
  /** replace only: a title used instead of the baseline's. */
  title: v.optional(LocalizedLineSchema),
});
export type SectionOverride = v.InferOutput<typeof SectionOverrideSchema>;

export const OwnSectionSchema = v.strictObject({
  key: SectionKeySchema,
  title: LocalizedLineSchema,
  body: LocalizedMarkdownSchema,
  /** Key of the baseline section this one follows; own sections after the same key keep their order. */
  after: SectionKeySchema,
});
export type OwnSection = v.InferOutput<typeof OwnSectionSchema>;

export const TenantContentSchema = v.strictObject({
  profile: ProfileSchema,
  lists: StructuredListsSchema,
  overrides: v.record(SectionKeySchema, SectionOverrideSchema),
  ownSections: v.pipe(v.array(OwnSectionSchema), v.maxLength(50)),
});
export type TenantContent = v.InferOutput<typeof TenantContentSchema>;

// ---------------------------------------------------------------------------
// Processor register

/** A processor kept once per group; company recipients refer to it by key. */
export const ProcessorEntrySchema = v.strictObject({ key: SlugSchema, recipient: RecipientSchema });
export type ProcessorEntry = v.InferOutput<typeof ProcessorEntrySchema>;
