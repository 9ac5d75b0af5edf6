// Which baseline section an imported section belongs to, by its heading AND its body. A heading
// equal to a baseline title decides alone; otherwise the subjects its words name (checklist
// cues and the importer's own) weigh against what the body is about: an ALL-CAPS "UW GEGEVENS"
// whose paragraphs give retention periods belongs with retention. Several imported sections may
// belong to one baseline section ("Inzage", "Klachten" and "Uw rechten" all to the rights);
// a section about a subject no baseline section holds ("Beveiliging") stays the company's own.
import type { Baseline, ListKey, LocalizedLine, LocalizedMarkdown, Policy } from "../model.ts";
import { findChecklistItem, ITEM_IDS, type Bilingual, type ItemId } from "../completeness/checklist.ts";
import { normalizeForMatch } from "../completeness/cues.ts";
import { FREE_TOPICS, readBodyTopics, readHeadingTopics, type Topic, type TopicWeights } from "./topics.ts";

/** What the importer needs to know of a baseline section. */
export interface ImportTarget {
  key: string;
  title: LocalizedLine;
  /** The baseline's text, so the draft does not repeat what it already says. */
  body: LocalizedMarkdown;
  policy: Policy;
  list?: ListKey;
  /** Subjects its title, key or list speak to. */
  topics: Topic[];
}

export interface HeadingMatch {
  key: string | null;
  /** 0–1. */
  confidence: number;
  why: Bilingual;
}

const LIST_TOPICS: Record<ListKey, ItemId> = {
  data_categories: "DATA_CATEGORIES",
  purposes: "PURPOSES",
  retention: "RETENTION",
  recipients: "RECIPIENTS",
  cookies: "COOKIES",
};
// Words every heading about personal data has; sharing them says nothing about the subject.
const GENERIC = new Set(
  "de het een en van voor in op met wij we u uw je jouw onze ons welke wie wat hoe waar wanneer ze die deze dit the a an and of for in on with we you your our what who how do is are gegevens persoonsgegevens data personal information informatie privacy".split(
    " ",
  ),
);

/**
 * The baseline's sections as the importer compares with them. `fill` settles a title's
 * placeholders for the company ("Gezamenlijke verantwoordelijkheid binnen {{group.name}}").
 */
export function describeTargets(
  baseline: Baseline,
  fill: (title: LocalizedLine) => LocalizedLine = (title) => title,
): ImportTarget[] {
  return baseline.sections.map((unfilled) => {
    const section = { ...unfilled, title: fill(unfilled.title) };
    const texts = [section.title.nl, section.title.en ?? "", section.key.replace(/_/g, " ")].map(
      cleanHeading,
    );
    const topics = new Set<Topic>();
    for (const text of texts) for (const found of readHeadingTopics(text)) topics.add(found.topic);
    if (section.list !== undefined) topics.add(LIST_TOPICS[section.list]);
    if (section.key.startsWith("intro")) topics.add("introduction");
    return {
      key: section.key,
      title: section.title,
      body: section.body,
      policy: section.policy,
      ...(section.list === undefined ? {} : { list: section.list }),
      topics: [...topics],
    };
  });
}

/** Lower-case heading without numbering ("3.", "2.1", "a)") or closing punctuation. */
export function cleanHeading(heading: string): string {
  return normalizeForMatch(heading)
    .replace(/^(?:artikel|article|art\.)\s*\d+[a-z]?\s*[-–—:.]?\s*/, "")
    .replace(/^(?:(?:\d{1,2}\.){0,3}\d{1,2}[.)]?|[a-z][.)]|§ ?\d+)\s+/, "")
    .replace(/[?!:.]+$/, "")
    .trim();
}

/** The baseline section that holds a subject: the one about it, else the one about the subject it usually sits under. */
export function findTargetFor(topic: Topic, targets: readonly ImportTarget[]): ImportTarget | undefined {
  const seen = new Set<Topic>();
  for (let current: Topic | undefined = topic; current !== undefined && !seen.has(current);) {
    seen.add(current);
    const found = targets.find((t) => t.topics.includes(current as Topic));
    if (found !== undefined) return found;
    current = (ITEM_IDS as readonly string[]).includes(current)
      ? findChecklistItem(current as ItemId).home
      : undefined;
  }
  // The rights items all share the rights headings, so a target about any right holds them all.
  if (/^RIGHT_|^COMPLAINT_SA$|^WITHDRAW_CONSENT$/.test(topic))
    return targets.find((t) => t.topics.some((x) => x.startsWith("RIGHT_")));
  return undefined;
}

export interface MappableSection {
  /** The heading as written; null for the text before the first heading. */
  heading: string | null;
  level: number;
  /** Plain text of its paragraphs, bullets and rows. */
  pieces: string[];
  /** Extra body weight for structured details found in it (a cookie table, retention rules). */
  found?: TopicWeights;
}

interface Scored {
  target: ImportTarget;
  score: number;
  why: Bilingual;
}

export function matchSections(
  sections: readonly MappableSection[],
  targets: readonly ImportTarget[],
): HeadingMatch[] {
  const results: HeadingMatch[] = [];
  sections.forEach((section, index) => {
    const match = matchOne(section, targets);
    // A sub-heading without a subject of its own ("5.1 KNHB" under "5. Ontvangers") follows its parent.
    const parentIndex = findParent(sections, index);
    const parent = parentIndex === null ? undefined : results[parentIndex];
    if (parent?.key != null && parentIndex !== null && match.confidence < 0.5) {
      const parentHeading = sections[parentIndex]?.heading ?? "";
      results.push({
        key: parent.key,
        confidence: Math.max(match.confidence, Math.min(parent.confidence, 0.6)),
        why: {
          nl: `Onderdeel van “${parentHeading}”, dat bij basissectie “${titleOf(targets, parent.key).nl}” hoort.`,
          en: `Part of “${parentHeading}”, which belongs to baseline section “${titleOf(targets, parent.key).nl}”.`,
        },
      });
      return;
    }
    results.push(match);
  });
  return results;
}

function titleOf(targets: readonly ImportTarget[], key: string): LocalizedLine {
  return targets.find((t) => t.key === key)?.title ?? { nl: key };
}

function findParent(sections: readonly MappableSection[], index: number): number | null {
  const section = sections[index];
  if (section === undefined || section.heading === null) return null;
  for (let i = index - 1; i >= 0; i--) {
    const earlier = sections[i];
    if (earlier === undefined || earlier.heading === null) return null;
    if (earlier.level < section.level) return i;
    if (earlier.level === section.level) return null;
  }
  return null;
}

function matchOne(section: MappableSection, targets: readonly ImportTarget[]): HeadingMatch {
  const body = readBodyTopics(section.pieces);
  for (const [topic, weight] of section.found ?? []) body.set(topic, (body.get(topic) ?? 0) + weight);
  if (section.heading === null) {
    const intro = targets.find((t) => t.topics.includes("introduction"));
    if (intro !== undefined)
      return {
        key: intro.key,
        confidence: 0.9,
        why: {
          nl: "Tekst vóór de eerste kop: de inleiding.",
          en: "Text before the first heading: the introduction.",
        },
      };
  }
  const cleaned = section.heading === null ? "" : cleanHeading(section.heading);
  const headingTopics = readHeadingTopics(cleaned);
  const first = headingTopics[0];
  if (
    first !== undefined &&
    FREE_TOPICS.includes(first.topic) &&
    findTargetFor(first.topic, targets) === undefined
  ) {
    return {
      key: null,
      confidence: 0,
      why: {
        nl: `De kop gaat over ${describeTopic(first.topic).nl}; geen basissectie gaat daarover, dus het wordt een eigen sectie.`,
        en: `The heading is about ${describeTopic(first.topic).en}; no baseline section covers that, so it becomes an own section.`,
      },
    };
  }
  const total = [...body.values()].reduce((sum, w) => sum + w, 0);
  const strength = Math.min(1, total / 2);
  const bodyShare = (target: ImportTarget): number => {
    let weight = 0;
    for (const [topic, w] of body) if (findTargetFor(topic, targets)?.key === target.key) weight += w;
    return total === 0 ? 0 : (weight / total) * strength;
  };
  // A heading that names a subject some baseline section holds ("Bewaartermijnen") is strong
  // evidence: the body outweighs it only by a wide margin. A heading that names none ("UW
  // GEGEVENS") leaves it to the body.
  const named = headingTopics.some((t) => findTargetFor(t.topic, targets) !== undefined);
  const bodyWeight = named ? 0.5 : 0.7;
  const ranked = targets
    .map((target): Scored => {
      const heading = scoreHeading(cleaned, headingTopics, target, targets);
      const share = bodyShare(target);
      const score = heading.score >= 1 ? 1 : Math.max(0.7 * heading.score + 0.3 * share, bodyWeight * share);
      return {
        target,
        score: Math.round(score * 100) / 100,
        why: explain(heading, share, body, target, targets),
      };
    })
    .sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (best === undefined || best.score < 0.3) {
    return {
      key: null,
      confidence: 0,
      why: {
        nl: "Kop en tekst passen bij geen enkele basissectie: het wordt een eigen sectie.",
        en: "Neither heading nor text fits a baseline section: it becomes an own section.",
      },
    };
  }
  return { key: best.target.key, confidence: best.score, why: best.why };
}

interface HeadingScore {
  score: number;
  kind: "title" | "close" | "topic" | "words" | "none";
  topic?: Topic;
}

function scoreHeading(
  cleaned: string,
  topics: readonly { topic: Topic }[],
  target: ImportTarget,
  targets: readonly ImportTarget[],
): HeadingScore {
  if (cleaned === "") return { score: 0, kind: "none" };
  const titles = [target.title.nl, target.title.en ?? ""].map(cleanHeading).filter((t) => t !== "");
  if (titles.includes(cleaned)) return { score: 1, kind: "title" };
  const specific = cleaned.length >= 10 && cleaned.includes(" ");
  if (specific && titles.some((t) => containsWords(t, cleaned) || containsWords(cleaned, t)))
    return { score: 0.85, kind: "close" };
  const index = topics.findIndex((t) => findTargetFor(t.topic, targets)?.key === target.key);
  if (index >= 0) return { score: index === 0 ? 0.75 : 0.55, kind: "topic", topic: topics[index]?.topic };
  const mine = words(cleaned);
  let best = 0;
  for (const title of titles) {
    const theirs = words(title);
    const common = [...mine].filter((w) => theirs.has(w)).length;
    const union = new Set([...mine, ...theirs]).size;
    if (union > 0) best = Math.max(best, common / union);
  }
  return best >= 0.5 ? { score: 0.4 + 0.3 * best, kind: "words" } : { score: 0, kind: "none" };
}

function explain(
  heading: HeadingScore,
  share: number,
  body: TopicWeights,
  target: ImportTarget,
  targets: readonly ImportTarget[],
): Bilingual {
  const name = `“${target.title.nl}”`;
  const parts: Bilingual[] = [];
  if (heading.kind === "title")
    parts.push({
      nl: `Gelijk aan de titel van basissectie ${name}.`,
      en: `Same as the title of baseline section ${name}.`,
    });
  else if (heading.kind === "close")
    parts.push({
      nl: `Lijkt op de titel van basissectie ${name}.`,
      en: `Close to the title of baseline section ${name}.`,
    });
  else if (heading.kind === "topic" && heading.topic !== undefined) {
    const topic = describeTopic(heading.topic);
    parts.push({
      nl: `De kop gaat over ${topic.nl}, net als basissectie ${name}.`,
      en: `The heading is about ${topic.en}, like baseline section ${name}.`,
    });
  } else if (heading.kind === "words")
    parts.push({
      nl: `De kop deelt woorden met basissectie ${name}.`,
      en: `The heading shares words with baseline section ${name}.`,
    });
  if (share >= 0.25) {
    const topics = [...body.entries()]
      .filter(([topic]) => findTargetFor(topic, targets)?.key === target.key)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([topic]) => describeTopic(topic));
    const what = { nl: topics.map((t) => t.nl).join(" en "), en: topics.map((t) => t.en).join(" and ") };
    parts.push(
      heading.kind === "none"
        ? {
            nl: `De tekst gaat over ${what.nl}: basissectie ${name}.`,
            en: `The text is about ${what.en}: baseline section ${name}.`,
          }
        : { nl: `De tekst gaat ook over ${what.nl}.`, en: `The text is about ${what.en} too.` },
    );
  }
  return { nl: parts.map((p) => p.nl).join(" "), en: parts.map((p) => p.en).join(" ") };
}

const TOPIC_NAMES: Partial<Record<Topic, Bilingual>> = {
  introduction: { nl: "de inleiding", en: "the introduction" },
  security: { nl: "beveiliging", en: "security" },
  breaches: { nl: "datalekken", en: "data breaches" },
  changes: { nl: "wijzigingen van de verklaring", en: "changes to the statement" },
  images: { nl: "foto's en beeldmateriaal", en: "photos and images" },
  minors: { nl: "kinderen", en: "children" },
};

export function describeTopic(topic: Topic): Bilingual {
  const named = TOPIC_NAMES[topic];
  if (named !== undefined) return named;
  const item = findChecklistItem(topic as ItemId);
  return { nl: `‘${item.title.nl.toLowerCase()}’`, en: `‘${item.title.en.toLowerCase()}’` };
}

/** Whether `outer` contains `inner` as whole words ("uw rechten" is not inside "jouw rechten"). */
function containsWords(outer: string, inner: string): boolean {
  const at = outer.indexOf(inner);
  if (at < 0) return false;
  const before = outer[at - 1] ?? " ";
  const after = outer[at + inner.length] ?? " ";
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}

function words(text: string): Set<string> {
  return new Set(text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !GENERIC.has(w)));
}
