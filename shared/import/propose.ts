// Turns an existing privacy statement (plain text, Markdown or HTML, whatever the caller says it
// is) into a proposal for a company draft: which baseline section each part belongs to and why,
// what each piece adds to the baseline, the structured details found, the company details the
// text suggests, and what the privacy lead should check. Nothing is decided for the editor that
// the review does not show, and the company profile changes only field by field, on acceptance.
import type { Bilingual } from "../completeness/checklist.ts";
import { applyConditions, deriveConditionFacts, type ConditionFacts } from "../conditions.ts";
import type {
  Baseline,
  Group,
  Language,
  LocalizedLine,
  LocalizedMarkdown,
  ProcessorEntry,
  TenantContent,
} from "../model.ts";
import type { HeadingForm } from "./blocks.ts";
import type { DetectedFormat, ImportFormatHint } from "./detect.ts";
import { extractCookies, extractRecipients } from "./extract-parties.ts";
import { extractDataCategories, extractPurposes } from "./extract-lists.ts";
import { extractRetention } from "./extract-retention.ts";
import type { Found } from "./found.ts";
import { describeTargets, matchSections, type ImportTarget } from "./map.ts";
import { parseImport } from "./parse.ts";
import { lookupPlaceholder, PLACEHOLDERS } from "../placeholders.ts";
import { toPieces, type Piece } from "./pieces.ts";
import { takeFoundItems } from "./take-lists.ts";
import { findProfile, type ProfileFindings, type ProfileSuggestion } from "./profile.ts";
import { readKnownSentences, type KnownSentence, type PlaceholderValues } from "./similar.ts";
import type { Topic, TopicWeights } from "./topics.ts";
import {
  checkBaselineContradictions,
  checkMemberCount,
  checkOtherCompany,
  sentencesOf,
  type ImportWarning,
} from "./warnings.ts";

export interface ImportSection {
  /** The heading as written; "" for the text before the first heading. */
  heading: string;
  level: number;
  /** How the heading was recognised; null for the text before the first heading. */
  form: HeadingForm | null;
  /** The baseline section it corresponds to, or null when it is the company's own. */
  key: string | null;
  /** 0–1: 1 for a heading equal to a baseline title, 0 when nothing matched. */
  confidence: number;
  why: Bilingual;
  pieces: Piece[];
}

/** Who the text is imported for: the company, its group, its draft as it is now. */
export interface ImportContext {
  group: Group;
  company: { slug: string; name: string };
  draft: TenantContent;
  /** The group's processor register: a recipient found there refers to it. */
  register?: readonly ProcessorEntry[];
}

export interface ImportProposal {
  language: Language;
  format: DetectedFormat;
  title?: string;
  sections: ImportSection[];
  /** Every structured item found, complete or not, with where it came from. */
  found: Found[];
  /** Company details in the text: suggestions, never applied unless accepted one by one. */
  suggestions: ProfileSuggestion[];
  candidates: ProfileFindings["candidates"];
  warnings: ImportWarning[];
  /** Headings, paragraphs, bullets and table rows in the input, the title included. */
  paragraphs: number;
  /** The baseline sections the proposal was made against. */
  targets: ImportTarget[];
  /** The company's facts the baseline's conditional text was settled for (draft and found items). */
  facts: ConditionFacts;
  /** The baseline's sentences as compared (placeholders filled for this company). */
  known: KnownSentence[];
  /** The placeholder values used, so the draft's own text is compared the same way. */
  placeholders: PlaceholderValues;
  register: ProcessorEntry[];
}

export function proposeImport(
  input: { text: string; format?: ImportFormatHint },
  baseline: Baseline,
  context: ImportContext,
): ImportProposal {
  const doc = parseImport(input);
  // Titles read as the company's statement shows them: "… binnen {{group.name}}" with the group's name.
  const titleValues = {
    nl: placeholderValues(baseline, context, context.draft, "nl"),
    en: placeholderValues(baseline, context, context.draft, "en"),
  };
  const fillTitle = (title: LocalizedLine): LocalizedLine => ({
    nl: fillPlaceholders(title.nl, titleValues.nl),
    ...(title.en === undefined ? {} : { en: fillPlaceholders(title.en, titleValues.en) }),
  });
  const mapped = describeTargets(baseline, fillTitle);
  const parts = [
    ...(doc.intro.length > 0 ? [{ heading: "", level: 1, form: null, blocks: doc.intro }] : []),
    ...doc.sections.map((s) => ({ heading: s.heading, level: s.level, form: s.form, blocks: s.blocks })),
  ];
  const withPieces = parts.map((part) => ({ ...part, pieces: toPieces(part.blocks) }));
  const language = detectLanguage(
    [doc.title ?? "", ...withPieces.flatMap((p) => [p.heading, ...p.pieces.map((x) => x.text)])].join(" "),
  );
  const profile = findProfile(
    doc.title,
    withPieces.flatMap((p) => p.pieces.map((x) => x.text)),
  );
  const companyName = profile.suggestions.find((s) => s.field === "tradeName")?.value;
  const ownName = typeof companyName === "string" ? companyName : context.company.name;

  // First pass: structured details found by their own shape weigh in on where a section belongs.
  const shapes = withPieces.map((part, index) =>
    findShapes(index, part.heading, part.pieces, language, ownName),
  );
  const matches = matchSections(
    withPieces.map((part, index) => ({
      heading: part.heading === "" ? null : part.heading,
      level: part.level,
      pieces: part.pieces.map((p) => p.text),
      found: shapes[index] ?? new Map(),
    })),
    mapped,
  );
  const sections: ImportSection[] = withPieces.map((part, index) => {
    const match = matches[index] ?? { key: null, confidence: 0, why: { nl: "", en: "" } };
    return {
      heading: part.heading,
      level: part.level,
      form: part.form,
      key: match.key,
      confidence: match.confidence,
      why: match.why,
      pieces: part.pieces,
    };
  });
  const found = extractAll(sections, mapped, language, ownName);
  // The baseline's conditional text and its placeholders read as they will for the draft after the
  // import, with the items found beside the draft's own: a source naming a recipient in the United
  // States is compared with the baseline's words about transfers, not with "wij geven geen
  // persoonsgegevens door", and its legal bases with the purposes the draft will list.
  const merged: TenantContent = {
    ...context.draft,
    lists: takeFoundItems(found, {}, context.draft.lists, context.register ?? []).lists,
  };
  const facts = deriveConditionFacts(baseline, merged);
  const targets = mapped.map((target) => ({ ...target, body: settleBody(target.body, facts) }));
  const placeholders = placeholderValues(baseline, context, merged, language);
  const known = readBaselineSentences(
    baseline,
    targets,
    facts,
    deriveConditionFacts(baseline, context.draft),
    {
      language,
      placeholders,
      now: placeholderValues(baseline, context, context.draft, language),
    },
  );
  const sentences = sentencesOf(sections);
  const recipients = found.filter(
    (f): f is Extract<Found, { list: "recipients" }> => f.list === "recipients",
  );
  const warnings: ImportWarning[] = [
    ...checkMemberCount(sentences, context.group),
    ...checkBaselineContradictions(
      sentences,
      known.filter((k) => k.other !== true),
      recipients,
    ),
    ...checkOtherCompany(sentences, context.group, context.company),
    ...found.flatMap((f): ImportWarning[] =>
      f.list === "retention" && f.minimum
        ? [
            {
              kind: "minimum_retention",
              section: f.source.section,
              quote: f.source.quote,
              message: {
                nl: `“${f.source.quote}” noemt alleen een minimum. Art. 13 lid 2 sub a AVG vraagt hoe lang gegevens worden bewaard, of de criteria daarvoor: vul de termijn aan.`,
                en: `“${f.source.quote}” states only a minimum. Art. 13(2)(a) GDPR asks how long data is kept, or the criteria for it: complete the period.`,
              },
            },
          ]
        : [],
    ),
    ...(language === "en"
      ? [
          {
            kind: "english_as_dutch" as const,
            message: {
              nl: "De tekst is Engels. De geïmporteerde secties krijgen die Engelse tekst ook aan de Nederlandse kant tot iemand ze vertaalt; controleer dat vóór het publiceren.",
              en: "The text is in English. The imported sections carry that English text on the Dutch side too until someone translates them; check this before publishing.",
            },
          },
        ]
      : []),
  ];
  return {
    language,
    format: doc.format,
    ...(doc.title === undefined ? {} : { title: doc.title }),
    sections,
    found,
    suggestions: profile.suggestions,
    candidates: profile.candidates,
    warnings,
    paragraphs: doc.paragraphs,
    targets,
    facts,
    known,
    placeholders,
    register: [...(context.register ?? [])],
  };
}

/** The baseline's placeholders as they read for this company, so its text compares with the source's. */
function placeholderValues(
  baseline: Baseline,
  context: ImportContext,
  content: TenantContent,
  language: Language,
): PlaceholderValues {
  const tenant = {
    group: context.group,
    slug: context.company.slug,
    content,
    jointControllership: baseline.jointControllership,
  };
  const values: Record<string, string> = {};
  for (const placeholder of PLACEHOLDERS) {
    const found = lookupPlaceholder(placeholder.name, tenant, language);
    if (found.status === "value") values[placeholder.name] = found.value;
  }
  return values;
}

/**
 * The baseline's sentences as it says them for the draft after the import, then, marked `other`,
 * those it says for other facts: for the draft as it is now, and every branch of its conditional
 * text. A source copied from the group's statement repeats one branch or another ("Wij gebruiken
 * geen cookies"); none of them is the company's own text to add.
 */
function readBaselineSentences(
  baseline: Baseline,
  targets: readonly ImportTarget[],
  facts: ConditionFacts,
  draftFacts: ConditionFacts,
  values: { language: Language; placeholders: PlaceholderValues; now: PlaceholderValues },
): KnownSentence[] {
  const { language } = values;
  const said = readKnownSentences(
    targets.map((s) => ({ key: s.key, body: s.body[language] ?? s.body.nl })),
    values.placeholders,
  );
  const seen = new Set(said.map((k) => `${k.key}\u0000${k.text}`));
  const others = baseline.sections.flatMap((section) => {
    const body = section.body[language] ?? section.body.nl;
    if (!body.includes("{{")) return [];
    const variants = [
      ...(draftFacts === facts ? [] : [applyConditions(body, draftFacts).text]),
      body.replace(/\{\{\s*(?:#if\b[^}]*|else|\/if)\s*\}\}/g, " "),
    ];
    return variants.flatMap((variant) => [
      ...readKnownSentences([{ key: section.key, body: variant }], values.placeholders),
      ...readKnownSentences([{ key: section.key, body: variant }], values.now),
    ]);
  });
  const other: KnownSentence[] = [];
  for (const sentence of others) {
    const id = `${sentence.key}\u0000${sentence.text}`;
    if (seen.has(id)) continue;
    seen.add(id);
    other.push({ ...sentence, other: true });
  }
  return [...said, ...other];
}

const fillPlaceholders = (text: string, values: PlaceholderValues): string =>
  text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (match, name: string) => values[name] ?? match);

/** A baseline text with its conditions settled for these facts ({{#if …}} kept or dropped). */
export function settleBody(body: LocalizedMarkdown, facts: ConditionFacts): LocalizedMarkdown {
  return {
    nl: applyConditions(body.nl, facts).text,
    ...(body.en === undefined ? {} : { en: applyConditions(body.en, facts).text }),
  };
}

function listOf(key: string | null, targets: readonly ImportTarget[]): string | null {
  return key === null
    ? null
    : (targets.find((t) => t.key === key)?.list ?? (key === "legal_basis" ? "legal_basis" : null));
}

function extractAll(
  sections: readonly ImportSection[],
  targets: readonly ImportTarget[],
  language: Language,
  companyName: string,
): Found[] {
  const hasDataSection = sections.some((s) => listOf(s.key, targets) === "data_categories");
  const inputs = sections.map((section, index) => {
    const about = listOf(section.key, targets);
    const target = targets.find((t) => t.key === section.key);
    return {
      index,
      heading: section.heading,
      about,
      pieces: section.pieces,
      // Data named in running text counts where data is the subject, or anywhere in a text without such a section.
      prose:
        about === "data_categories" || target?.topics.includes("introduction") === true || !hasDataSection,
    };
  });
  const cookies = extractCookies(inputs, { companyName, language });
  return [
    ...inputs.flatMap((s) => extractDataCategories(s, language)),
    ...inputs.flatMap((s) => extractPurposes(s, language)),
    ...inputs.flatMap((s) => extractRetention(s, language)),
    ...extractRecipients(inputs, { companyName, language, cookies }),
    ...cookies,
  ];
}

/** What a section's own shape says it holds: a cookie table, purposes with bases, retention rules. */
function findShapes(
  index: number,
  heading: string,
  pieces: readonly Piece[],
  language: Language,
  companyName: string,
): TopicWeights {
  const weights: TopicWeights = new Map<Topic, number>();
  const section = { index, heading, about: null, pieces, prose: false };
  const add = (topic: Topic, count: number): void => {
    if (count > 0) weights.set(topic, (weights.get(topic) ?? 0) + Math.min(6, 1.5 * count));
  };
  add("PURPOSES", extractPurposes(section, language).length);
  add("RETENTION", extractRetention(section, language).filter((f) => f.whole).length);
  add("COOKIES", extractCookies([section], { companyName, language }).length);
  add("DATA_CATEGORIES", extractDataCategories(section, language).length / 2);
  return weights;
}

const DUTCH = new Set(
  "de het een en van voor wij we u uw je jouw is niet met zijn worden wordt ook die dat deze onze bij als".split(
    " ",
  ),
);
const ENGLISH = new Set(
  "the a an and of for we you your is not with are be this that our by as it".split(" "),
);

/** Dutch unless English words clearly outnumber Dutch ones. */
export function detectLanguage(text: string): Language {
  let nl = 0;
  let en = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (DUTCH.has(word)) nl++;
    if (ENGLISH.has(word)) en++;
  }
  return en > nl * 1.5 ? "en" : "nl";
}
