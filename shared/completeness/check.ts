// Completeness of a resolved statement against the Art. 13/14 checklist. Structured details
// decide first (a purpose in the list always carries its basis), the text second. Editors may
// not publish while an "always" item is missing; everything else is advice with a reason.
import type { JointControllership, TenantContent } from "../model.ts";
import type { ResolvedStatement } from "../statement.ts";
import { CHECKLIST, type Bilingual, type ChecklistItem, type ItemId } from "./checklist.ts";
import { readStatement, type CheckContext, type Decision, type Status } from "./evidence.ts";
import { checkCookies } from "./rules-cookies.ts";
import { checkControllerIdentity, checkDpoContact, checkRepresentative } from "./rules-identity.ts";
import {
  checkAutomatedDecision,
  checkFurtherProcessing,
  checkSource,
  checkStatutoryContractual,
} from "./rules-other.ts";
import {
  checkDataCategories,
  checkLegalBasis,
  checkLegitimateInterests,
  checkPurposes,
} from "./rules-processing.ts";
import { checkRetention } from "./rules-retention.ts";
import {
  checkComplaint,
  checkObjectSeparately,
  checkRight,
  checkWithdrawConsent,
  objectionAppliesByDetails,
} from "./rules-rights.ts";
import { checkJointControllers, checkRecipients } from "./rules-sharing.ts";
import {
  checkTransferCopyMeans,
  checkTransferFact,
  checkTransferSafeguards,
  readTransfers,
} from "./rules-transfers.ts";

export type { Status } from "./evidence.ts";

/** Each status in words, for every place that shows one (never a colour or icon alone). */
export const STATUS_NAMES: Readonly<Record<Status, Bilingual>> = {
  missing: { nl: "Ontbreekt", en: "Missing" },
  weak: { nl: "Zwak", en: "Weak" },
  present: { nl: "Aanwezig", en: "Present" },
  not_applicable: { nl: "Niet van toepassing", en: "Not applicable" },
};

export type Collection = "direct" | "indirect" | "both";

export interface Finding {
  item: ItemId;
  status: Status;
  /** Why the status was given: what was found, lacking, or why the item does not apply. */
  why: Bilingual;
  /** The provisions that require the item, for the way the data is collected. */
  article: string;
  hint: Bilingual;
  /** Section keys where it was found, or where it belongs when it is missing. */
  sections: string[];
}

export interface CompletenessReport {
  findings: Finding[];
  /** 0–100 over the applicable items; a weak item counts half. */
  score: number;
  /** "always" items that are missing. */
  missingAlways: ItemId[];
  /**
   * What refuses an editor's publish: the missing "always" items, and the items the company's own
   * details make necessary — the right to object stated separately (missing, or only among the
   * other rights: Art. 21(4)) when a purpose rests on legitimate or public interest or is direct
   * marketing, and whether providing data is required (Art. 13(2)(e); missing, or not for every
   * purpose) when the company records data it collects from the person.
   */
  blocking: ItemId[];
  collection: Collection;
}

export interface CompletenessOptions {
  collection?: Collection;
  /** The baseline's joint-controllership setting (Art. 26), when the group has declared it. */
  jointControllership?: JointControllership | undefined;
}

type Rule = (ctx: CheckContext, transfers: ReturnType<typeof readTransfers>) => Decision;

const RULES: Record<ItemId, Rule> = {
  CONTROLLER_IDENTITY: checkControllerIdentity,
  REPRESENTATIVE: checkRepresentative,
  DPO_CONTACT: checkDpoContact,
  PURPOSES: checkPurposes,
  LEGAL_BASIS: checkLegalBasis,
  LEGITIMATE_INTERESTS: checkLegitimateInterests,
  DATA_CATEGORIES: checkDataCategories,
  RECIPIENTS: checkRecipients,
  TRANSFER_FACT: (_ctx, transfers) => checkTransferFact(transfers),
  TRANSFER_SAFEGUARDS: checkTransferSafeguards,
  TRANSFER_COPY_MEANS: checkTransferCopyMeans,
  RETENTION: checkRetention,
  RIGHT_ACCESS: (ctx) => checkRight(ctx, "RIGHT_ACCESS"),
  RIGHT_RECTIFICATION: (ctx) => checkRight(ctx, "RIGHT_RECTIFICATION"),
  RIGHT_ERASURE: (ctx) => checkRight(ctx, "RIGHT_ERASURE"),
  RIGHT_RESTRICTION: (ctx) => checkRight(ctx, "RIGHT_RESTRICTION"),
  RIGHT_OBJECT: (ctx) => checkRight(ctx, "RIGHT_OBJECT"),
  RIGHT_OBJECT_SEPARATE: checkObjectSeparately,
  RIGHT_PORTABILITY: (ctx) => checkRight(ctx, "RIGHT_PORTABILITY"),
  WITHDRAW_CONSENT: checkWithdrawConsent,
  COMPLAINT_SA: checkComplaint,
  STATUTORY_CONTRACTUAL: checkStatutoryContractual,
  SOURCE: checkSource,
  AUTOMATED_DECISION: checkAutomatedDecision,
  FURTHER_PROCESSING: checkFurtherProcessing,
  JOINT_CONTROLLERS: checkJointControllers,
  COOKIES: checkCookies,
};

export function checkCompleteness(
  statement: ResolvedStatement,
  content: TenantContent,
  options: CompletenessOptions = {},
): CompletenessReport {
  const collection = options.collection ?? inferCollection(content);
  const ctx: CheckContext = {
    ...readStatement(statement),
    content,
    collection,
    language: statement.language,
    jointControllership: options.jointControllership,
  };
  const transfers = readTransfers(ctx);
  const findings = CHECKLIST.map((item): Finding => {
    const decision = RULES[item.id](ctx, transfers);
    return {
      item: item.id,
      status: decision.status,
      why: decision.why,
      article: describeArticle(item, collection),
      hint: item.hint,
      sections: decision.sections,
    };
  });
  const missingAlways = findings
    .filter((f) => f.status === "missing" && CHECKLIST.some((i) => i.id === f.item && i.applies === "always"))
    .map((f) => f.item);
  const status = (id: ItemId): Status | undefined => findings.find((f) => f.item === id)?.status;
  const objection = status("RIGHT_OBJECT_SEPARATE");
  const provision = status("STATUTORY_CONTRACTUAL");
  const collectsFromPerson = content.lists.data_categories.some((c) => c.source === undefined);
  const blocking: ItemId[] = [
    ...missingAlways,
    ...(objectionAppliesByDetails(ctx) && (objection === "missing" || objection === "weak")
      ? (["RIGHT_OBJECT_SEPARATE"] as const)
      : []),
    ...(collectsFromPerson && (provision === "missing" || provision === "weak")
      ? (["STATUTORY_CONTRACTUAL"] as const)
      : []),
  ];
  return { findings, score: scoreFindings(findings), missingAlways, blocking, collection };
}

/** Direct unless data categories record a source: then indirect for those (both when mixed). */
export function inferCollection(content: TenantContent): Collection {
  const categories = content.lists.data_categories;
  const sourced = categories.filter((c) => c.source !== undefined).length;
  if (sourced === 0) return "direct";
  return sourced === categories.length ? "indirect" : "both";
}

export function scoreFindings(findings: readonly Finding[]): number {
  const applicable = findings.filter((f) => f.status !== "not_applicable");
  if (applicable.length === 0) return 100;
  const points = applicable.reduce(
    (sum, f) => sum + (f.status === "present" ? 1 : f.status === "weak" ? 0.5 : 0),
    0,
  );
  return Math.round((100 * points) / applicable.length);
}

function describeArticle(item: ChecklistItem, collection: Collection): string {
  const { art13, art14, other } = item.articles;
  const parts: string[] = [];
  if (art13 !== undefined && collection !== "indirect") parts.push(`art. ${art13} AVG`);
  if (art14 !== undefined && collection !== "direct") parts.push(`art. ${art14} AVG`);
  // An item owed under only the other article still names it, so the hint is never sourceless.
  if (parts.length === 0 && art13 !== undefined) parts.push(`art. ${art13} AVG`);
  if (parts.length === 0 && art14 !== undefined) parts.push(`art. ${art14} AVG`);
  if (other !== undefined) parts.push(/^\d/.test(other) ? `art. ${other} AVG` : other);
  return parts.join("; ");
}
