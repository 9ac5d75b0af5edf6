// Which baseline section an imported heading belongs to. The baseline's own titles (Dutch and
// English) are the strongest evidence, then the checklist's heading cues: "Bewaartermijnen"
// and "Hoe lang bewaren wij uw gegevens?" both point at the section about retention. Every
// section key is given out once, best match first, so "Functionele cookies" after "Gebruik
// cookies" becomes a section of its own instead of displacing the real one.
import type { Baseline, ListKey, LocalizedLine, LocalizedMarkdown, Policy } from "../model.ts";
import { CHECKLIST, OTHER_HEADINGS, type Bilingual, type ItemId } from "../completeness/checklist.ts";
import { findCue, normalizeForMatch } from "../completeness/cues.ts";

/** What the importer needs to know of a baseline section. */
export interface ImportTarget {
  key: string;
  title: LocalizedLine;
  /** The baseline's text, so the draft does not repeat what it already says. */
  body: LocalizedMarkdown;
  policy: Policy;
  list?: ListKey;
  /** Checklist items and common topics its title or list speaks to. */
  topics: string[];
}

export interface HeadingMatch {
  key: string | null;
  confidence: number;
  why: Bilingual;
  /** The best target, even when another heading got it first. */
  wanted?: string;
}

const LIST_TOPICS: Record<ListKey, ItemId> = {
  data_categories: "DATA_CATEGORIES",
  purposes: "PURPOSES",
  retention: "RETENTION",
  recipients: "RECIPIENTS",
  cookies: "COOKIES",
};
const STOPWORDS = new Set(
  "de het een en van voor in op met wij we u uw je jouw onze ons welke wie wat hoe the a an and of for in on with we you your our what who how do is are".split(
    " ",
  ),
);

export function describeTargets(baseline: Baseline): ImportTarget[] {
  return baseline.sections.map((section) => {
    const texts = [section.title.nl, section.title.en ?? "", section.key.replace(/_/g, " ")].map(
      cleanHeading,
    );
    const topics = new Set(topicsOf(texts));
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
    .replace(/^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)])\s+/, "")
    .replace(/[?!:.]+$/, "")
    .trim();
}

function topicsOf(texts: string[]): string[] {
  const topics: string[] = [];
  for (const item of CHECKLIST)
    if (texts.some((t) => findCue(t, item.headings) !== null)) topics.push(item.id);
  for (const [topic, cues] of Object.entries(OTHER_HEADINGS)) {
    if (texts.some((t) => findCue(t, cues) !== null)) topics.push(topic);
  }
  return topics;
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
  return new Set(text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOPWORDS.has(w)));
}

interface Heading {
  /** Cleaned: lower case, no numbering. */
  text: string;
  topics: string[];
}

function scoreHeading(heading: Heading, target: ImportTarget): { score: number; why: Bilingual } | null {
  const h = heading.text;
  const name = `“${target.title.nl}”`;
  const titles = [target.title.nl, target.title.en ?? ""].map(cleanHeading).filter((t) => t !== "");
  if (titles.includes(h)) {
    return {
      score: 1,
      why: {
        nl: `Gelijk aan de titel van basissectie ${name}.`,
        en: `Same as the title of baseline section ${name}.`,
      },
    };
  }
  if (h.length >= 6 && titles.some((t) => t.length >= 6 && (containsWords(t, h) || containsWords(h, t)))) {
    return {
      score: 0.85,
      why: {
        nl: `Lijkt op de titel van basissectie ${name}.`,
        en: `Close to the title of baseline section ${name}.`,
      },
    };
  }
  const shared = heading.topics.filter((topic) => target.topics.includes(topic));
  if (shared.length > 0) {
    const item = CHECKLIST.find((i) => i.id === shared[0]);
    const topic = item === undefined ? { nl: shared[0] ?? "", en: shared[0] ?? "" } : item.title;
    return {
      score: 0.7,
      why: {
        nl: `De kop gaat over ‘${topic.nl.toLowerCase()}’, net als basissectie ${name}.`,
        en: `The heading is about ‘${topic.en.toLowerCase()}’, like baseline section ${name}.`,
      },
    };
  }
  const mine = words(h);
  let best = 0;
  for (const t of titles) {
    const theirs = words(t);
    const common = [...mine].filter((w) => theirs.has(w)).length;
    const union = new Set([...mine, ...theirs]).size;
    if (union > 0) best = Math.max(best, common / union);
  }
  if (best >= 0.5) {
    return {
      score: Math.round((0.4 + 0.3 * best) * 100) / 100,
      why: {
        nl: `Deelt woorden met de titel van basissectie ${name}.`,
        en: `Shares words with the title of baseline section ${name}.`,
      },
    };
  }
  return null;
}

/**
 * One match per heading. `intro` marks the text before the first heading, which belongs to
 * the introduction when the baseline has one.
 */
export function matchHeadings(
  headings: readonly (string | null)[],
  targets: readonly ImportTarget[],
): HeadingMatch[] {
  const candidates: { heading: number; target: ImportTarget; score: number; why: Bilingual }[] = [];
  headings.forEach((heading, index) => {
    const text = heading === null ? "" : cleanHeading(heading);
    const cleaned: Heading = { text, topics: heading === null ? [] : topicsOf([text]) };
    for (const target of targets) {
      if (heading === null) {
        if (target.topics.includes("introduction")) {
          candidates.push({
            heading: index,
            target,
            score: 0.9,
            why: {
              nl: "Tekst vóór de eerste kop: de inleiding.",
              en: "Text before the first heading: the introduction.",
            },
          });
        }
        continue;
      }
      const scored = scoreHeading(cleaned, target);
      if (scored !== null) candidates.push({ heading: index, target, ...scored });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.heading - b.heading);
  const result: (HeadingMatch | undefined)[] = headings.map(() => undefined);
  const taken = new Map<string, number>();
  const wanted = new Map<number, (typeof candidates)[number]>();
  for (const candidate of candidates) {
    if (result[candidate.heading] !== undefined) continue;
    if (!wanted.has(candidate.heading)) wanted.set(candidate.heading, candidate);
    if (taken.has(candidate.target.key)) continue;
    taken.set(candidate.target.key, candidate.heading);
    result[candidate.heading] = {
      key: candidate.target.key,
      confidence: candidate.score,
      why: candidate.why,
    };
  }
  return result.map((match, index) => {
    if (match !== undefined) return match;
    const best = wanted.get(index);
    if (best === undefined) {
      return {
        key: null,
        confidence: 0,
        why: { nl: "Geen basissectie past bij deze kop.", en: "No baseline section fits this heading." },
      };
    }
    const other = headings[taken.get(best.target.key) ?? -1];
    const by = other === null || other === undefined ? "de inleiding" : `“${other}”`;
    const byEn = other === null || other === undefined ? "the introduction" : `“${other}”`;
    return {
      key: null,
      confidence: 0,
      wanted: best.target.key,
      why: {
        nl: `Past bij basissectie “${best.target.title.nl}”, maar die hoort al bij ${by}.`,
        en: `Fits baseline section “${best.target.title.nl}”, but that already belongs to ${byEn}.`,
      },
    };
  });
}
