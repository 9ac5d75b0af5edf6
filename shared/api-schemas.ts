// Request bodies and queries of the JSON API, shared by the worker (validation) and the console
// (forms validate with the same rules before they send).
import * as v from "valibot";
import { IMPORT_FORMATS } from "./import/detect.ts";
import { PROFILE_FIELDS } from "./import/choices.ts";
import {
  BaselineSchema,
  LanguageSchema,
  LegalBasisSchema,
  RecipientSchema,
  SectionKeySchema,
  SlugSchema,
  TenantContentSchema,
} from "./model.ts";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const EmailSchema = v.pipe(
  v.string("must be a string"),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(254, "must be at most 254 characters"),
  v.email("must be an e-mail address"),
);

/** Checked for length only at sign-in, so an old password still gets the normal "wrong" answer. */
const AnyPasswordSchema = v.pipe(
  v.string("must be a string"),
  v.minLength(1, "is required"),
  v.maxLength(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`),
);

export const NewPasswordSchema = v.pipe(
  v.string("must be a string"),
  v.minLength(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`),
  v.maxLength(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`),
);

export const LoginSchema = v.strictObject({ email: EmailSchema, password: AnyPasswordSchema });

export const RoleSchema = v.picklist(
  ["group_admin", "tenant_editor", "tenant_viewer"],
  "must be group_admin, tenant_editor or tenant_viewer",
);

// A group admin has no company; the other roles need one.
const COMPANY_RULE = "is required for company roles and not allowed for group_admin";
const fitsCompanyRule = (input: { role: string; tenant?: string | undefined }): boolean =>
  (input.role === "group_admin") === (input.tenant === undefined);

export const InvitationCreateSchema = v.pipe(
  v.strictObject({ email: EmailSchema, role: RoleSchema, tenant: v.optional(SlugSchema) }),
  v.forward(
    v.check((input) => fitsCompanyRule(input), COMPANY_RULE),
    ["tenant"],
  ),
);

export const RoleChangeSchema = v.pipe(
  v.strictObject({ role: RoleSchema, tenant: v.optional(SlugSchema) }),
  v.forward(
    v.check((input) => fitsCompanyRule(input), COMPANY_RULE),
    ["tenant"],
  ),
);

const TokenSchema = v.pipe(
  v.string("must be a string"),
  v.regex(/^[a-z2-7]{20,64}$/, "is not a valid invitation token"),
);

export const InvitationLookupSchema = v.strictObject({ token: TokenSchema });

/**
 * Name and password make a new account. Someone who already has one accepts while signed in to it
 * and sends the token alone (issue 13: accepting never checks an existing account's password).
 */
export const InvitationAcceptSchema = v.strictObject({
  token: TokenSchema,
  name: v.optional(
    v.pipe(
      v.string("must be a string"),
      v.trim(),
      v.minLength(1, "is required"),
      v.maxLength(120, "must be at most 120 characters"),
    ),
  ),
  password: v.optional(NewPasswordSchema),
});

const PositiveInt = (max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^[1-9]\d{0,9}$/, "must be a positive whole number"),
    v.transform(Number),
    v.maxValue(max, `must be at most ${max}`),
  );

export const AuditQuerySchema = v.strictObject({
  action: v.optional(v.pipe(v.string(), v.maxLength(64))),
  actor: v.optional(v.pipe(v.string(), v.maxLength(254))),
  tenant: v.optional(SlugSchema),
  before: v.optional(PositiveInt(Number.MAX_SAFE_INTEGER)),
  limit: v.optional(PositiveInt(200)),
});

/** A page of the integrity check (GET /api/groups/{group}/integrity): `after` is the previous page's `next`. */
export const IntegrityQuerySchema = v.strictObject({
  after: v.optional(PositiveInt(Number.MAX_SAFE_INTEGER)),
  limit: v.optional(PositiveInt(500)),
});

/** Route parameters also carry the group (and company) from the URL; only the id is checked here. */
export const IdParamSchema = v.object({ id: PositiveInt(Number.MAX_SAFE_INTEGER) });

// ---------------------------------------------------------------------------
// Editing and publishing

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Whether every field names a moment that exists: Date.parse rolls 2026-02-30 over to 2 March and
 * 24:30 to the next day, which would answer a question nobody asked (issue 13, item 9).
 */
function isRealDateTime(text: string): boolean {
  const [date = "", rest = ""] = text.split("T");
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hours, minutes, seconds = 0] = rest
    .slice(0, 8)
    .split(":")
    .map((part) => Number.parseInt(part, 10));
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(rest);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hours! <= 23 &&
    minutes! <= 59 &&
    seconds <= 59 &&
    (!offset || (Number(offset[2]) <= 23 && Number(offset[3]) <= 59))
  );
}

/** An ISO 8601 date-time with a time zone, normalised to UTC with milliseconds. */
export const IsoDateTimeSchema = v.pipe(
  v.string("must be a string"),
  v.regex(ISO_DATE_TIME, "must be an ISO 8601 date-time with a time zone, such as 2026-11-22T12:00:00Z"),
  v.check(isRealDateTime, "is not a date and time that exists (check the day, month and hour)"),
  v.check((s) => !Number.isNaN(Date.parse(s)), "is not a valid date-time"),
  v.transform((s) => new Date(s).toISOString()),
);

const ChangeNoteSchema = v.pipe(
  v.string("must be a string"),
  v.trim(),
  v.minLength(1, "is required: say what changed and why"),
  v.maxLength(2000, "must be at most 2000 characters"),
);

// The PUT takes the JSON the GET returns: the GET's other fields may come along and are ignored
// (the revision travels in If-Match); any other field is refused.
const ignored = v.optional(v.unknown());
export const BaselineDraftBodySchema = v.strictObject({
  baseline: BaselineSchema,
  revision: ignored,
  updatedAt: ignored,
});
export const TenantDraftBodySchema = v.strictObject({
  content: TenantContentSchema,
  tenant: ignored,
  role: ignored,
  revision: ignored,
  updatedAt: ignored,
});

/**
 * A group admin's written reason to publish over what the gate refuses: an item the AVG requires
 * that is missing, or a legal lint error. Kept on the version and in the audit log.
 */
const CompletenessOverrideSchema = v.optional(ChangeNoteSchema);

/** The baseline's text is linted before it is published; the privacy lead may publish over errors with a reason. */
export const BaselinePublishSchema = v.strictObject({
  changeNote: ChangeNoteSchema,
  completenessOverride: CompletenessOverrideSchema,
});

export const PublishSchema = v.strictObject({
  changeNote: ChangeNoteSchema,
  /** Whether the change matters to the people concerned (marked in the feed and history). */
  material: v.boolean("must be true or false"),
  effectiveFrom: v.optional(IsoDateTimeSchema),
  completenessOverride: CompletenessOverrideSchema,
});

export const RestoreSchema = v.strictObject({
  changeNote: ChangeNoteSchema,
  completenessOverride: CompletenessOverrideSchema,
});

const GroupLineSchema = v.pipe(
  v.string("must be a string"),
  v.trim(),
  v.minLength(1, "must not be empty"),
  v.maxLength(120, "must be at most 120 characters"),
);

/** The privacy lead's contact, shown to every member of the group on the dashboard. */
export const LeadContactSchema = v.strictObject({
  name: GroupLineSchema,
  email: EmailSchema,
  phone: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^\+?[0-9 ()-]{6,20}$/, "must be a phone number"))),
});
export type LeadContact = v.InferOutput<typeof LeadContactSchema>;

/** The group's settings; a field left out stays as it is (`leadContact: null` removes the contact). */
export const GroupSettingsSchema = v.pipe(
  v.strictObject({
    name: v.optional(GroupLineSchema),
    defaultLanguage: v.optional(LanguageSchema),
    leadContact: v.optional(v.nullable(LeadContactSchema)),
    requireApproval: v.optional(v.boolean("must be true or false")),
  }),
  v.check((change) => Object.keys(change).length > 0, "must change at least one setting"),
);

export const RejectSchema = v.strictObject({ reason: ChangeNoteSchema });

export const ProcessorBodySchema = v.strictObject({ recipient: RecipientSchema });

/**
 * Each company is republished through the same gate as its own publish (completeness and legal
 * lint on the new baseline); the privacy lead's reason publishes over it, kept on each version.
 */
export const RepublishSchema = v.strictObject({
  changeNote: v.optional(ChangeNoteSchema),
  completenessOverride: CompletenessOverrideSchema,
});

/**
 * Starting a rollout run through the queue. No completenessOverride: a run passes every company
 * through the publish gate and leaves the ones it stops alone, with the gate's reason; the privacy
 * lead republishes such a company on its own, with a reason written for that statement.
 */
export const RolloutRunStartSchema = v.strictObject({
  changeNote: v.optional(ChangeNoteSchema),
});

/**
 * Where a page of a group's companies continues: the previous page's `next`, "<position>~<slug>"
 * of its last company in the group's order (stable: a company added meanwhile does not shift it).
 */
export const CompanyCursorSchema = v.pipe(
  v.string(),
  v.regex(/^\d{1,9}~[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "must be the next of a previous page"),
  v.transform((cursor) => {
    const at = cursor.indexOf("~");
    return { position: Number(cursor.slice(0, at)), slug: cursor.slice(at + 1) };
  }),
);

/** A page of companies (the rollout status, a run's outcomes). */
export const CompanyPageQuerySchema = v.strictObject({
  after: v.optional(CompanyCursorSchema),
  limit: v.optional(PositiveInt(500)),
});

/**
 * A page of the group's companies (the companies page, the companies a member may see), optionally
 * only those whose name or address contains `q` (letters compared without regard to case): how
 * one company is found among thousands without paging through them.
 */
export const CompanySearchPageQuerySchema = v.strictObject({
  ...CompanyPageQuerySchema.entries,
  q: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.minLength(1, "must not be empty"),
      v.maxLength(120, "must be at most 120 characters"),
    ),
  ),
});

/**
 * A page of the rollout status. `gate=skip` leaves out what the publish gate would say of each
 * company (`gateStops`, about 1 ms a company to work out) for a view that does not show it, such as
 * the dashboard; by default it is included.
 */
export const RolloutPageQuerySchema = v.strictObject({
  ...CompanyPageQuerySchema.entries,
  gate: v.optional(v.picklist(["include", "skip"], 'must be "include" or "skip"')),
});

/**
 * A page of a list kept in the order of an immutable id (people's roles, invitations, publish
 * requests, baseline versions): `after` is the previous page's `next`.
 */
export const IdPageQuerySchema = v.strictObject({
  after: v.optional(PositiveInt(Number.MAX_SAFE_INTEGER)),
  limit: v.optional(PositiveInt(500)),
});

/** A page of the processor register, in the order of its keys (a key never changes). */
export const KeyPageQuerySchema = v.strictObject({
  after: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "must be the next of a previous page"),
    ),
  ),
  limit: v.optional(PositiveInt(500)),
});

// ---------------------------------------------------------------------------
// Import and completeness

export const ImportSchema = v.strictObject({
  text: v.pipe(
    v.string("must be a string"),
    v.minLength(1, "is required"),
    v.maxLength(200_000, "must be at most 200,000 characters"),
  ),
  // A hint only: Markdown and HTML are recognised whatever is given (shared/import/detect.ts).
  format: v.optional(v.picklist(IMPORT_FORMATS, "must be auto, text, markdown or html"), "auto"),
});

const IndexSchema = v.pipe(v.string(), v.regex(/^\d{1,3}$/, "must be an index"));
const ListModeSchema = v.picklist(["add", "replace", "keep"], "must be add, replace or keep");

/** What the editor decided in the review (see shared/import/choices.ts). */
export const ImportChoicesSchema = v.strictObject({
  sections: v.optional(
    v.record(
      IndexSchema,
      v.strictObject({
        key: v.optional(v.nullable(SectionKeySchema)),
        skip: v.optional(v.boolean()),
        addHeld: v.optional(v.boolean()),
      }),
    ),
  ),
  /** The suggested profile fields accepted, one by one; nothing else changes the profile. */
  profile: v.optional(
    v.pipe(
      v.array(v.picklist(PROFILE_FIELDS, "must be a profile field")),
      v.maxLength(PROFILE_FIELDS.length),
    ),
  ),
  lists: v.optional(
    v.strictObject({
      data_categories: v.optional(ListModeSchema),
      purposes: v.optional(ListModeSchema),
      retention: v.optional(ListModeSchema),
      recipients: v.optional(ListModeSchema),
      cookies: v.optional(ListModeSchema),
    }),
  ),
  items: v.optional(
    v.record(
      IndexSchema,
      v.strictObject({
        skip: v.optional(v.boolean()),
        legalBasis: v.optional(LegalBasisSchema),
        safeguard: v.optional(
          v.picklist(["adequacy", "scc", "bcr", "derogation"], "must be adequacy, scc, bcr or derogation"),
        ),
      }),
    ),
  ),
});

export const ImportAcceptSchema = v.strictObject({
  text: ImportSchema.entries.text,
  format: ImportSchema.entries.format,
  choices: v.optional(ImportChoicesSchema, {}),
});

/** A statement as written, checked for completeness and legal lint on its own. */
export const CompletenessCheckSchema = v.strictObject({
  text: ImportSchema.entries.text,
  format: ImportSchema.entries.format,
});

export const CompletenessQuerySchema = v.strictObject({
  version: v.optional(
    v.pipe(v.string(), v.regex(/^[1-9]\d{0,8}$/, "must be a version number"), v.transform(Number)),
  ),
});

/** The group report's CSV: the language of its labels (default: the group's default language). */
/**
 * The group report as CSV, a page of companies at a time: the first page (no `after`) starts with
 * the byte order mark and the header line, the following ones hold only their companies' lines,
 * so the pages joined in order are one file.
 */
export const GroupReportCsvQuerySchema = v.strictObject({
  lang: v.optional(LanguageSchema),
  after: v.optional(CompanyCursorSchema),
  limit: v.optional(PositiveInt(500)),
});
