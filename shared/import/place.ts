// Where each piece of an imported section lands in a company draft. Against the baseline, not
// beside it: a piece the baseline (or the draft) already says is not added again, a bullet the
// structured list now holds is not repeated (nor its lead-in, which would dangle), and only the
// rest — the difference — goes in, as the baseline section's policy allows: appended where it may
// be extended, instead of the baseline's text where it may be replaced and the source says it
// differently, held back with a note where it is locked. Sections no baseline section holds become
// own sections with their own title, after the baseline section that precedes them in the source.
import {
  ALLOWED_MODES,
  type Language,
  type LocalizedLine,
  type OwnSection,
  type SectionOverride,
} from "../model.ts";
import type { Bilingual } from "../completeness/checklist.ts";
import { escapeMarkdown } from "./blocks.ts";
import { cleanHeading, findTargetFor, type ImportTarget } from "./map.ts";
import { splitSentences, writePieces, type Piece } from "./pieces.ts";
import { matchSentences, type KnownSentence } from "./similar.ts";
import { readHeadingTopics } from "./topics.ts";

const MAX_BODY = 20_000;
const MAX_TITLE = 300;

export type PieceFate = "added" | "partial" | "baseline" | "list" | "held" | "skipped";

export interface PiecePlan {
  piece: number;
  fate: PieceFate;
  /** For "partial": the new sentences, which are what goes in. */
  md?: string;
  /** For "baseline" and "partial": the known text it repeats; its key starts with "draft:" when that is the draft's. */
  repeats?: { key: string; text: string }[];
}

export interface SectionPlan {
  section: number;
  as: "replace" | "append" | "own" | "inherit" | "held" | "skipped";
  key: string | null;
  after?: string;
  why: Bilingual;
  pieces: PiecePlan[];
}

export interface PlacementResult {
  overrides: Record<string, SectionOverride>;
  ownSections: OwnSection[];
  sections: SectionPlan[];
  /** Text that goes nowhere, with the reason; the review lists it so nothing is lost unseen. */
  held: { section: number; text: string; why: Bilingual }[];
}

export interface PlaceSection {
  heading: string;
  key: string | null;
  skip: boolean;
  addHeld: boolean;
  pieces: readonly Piece[];
}

export interface PlaceInput {
  sections: readonly PlaceSection[];
  targets: readonly ImportTarget[];
  /** Sentences of the baseline and of the draft's own sections, to leave out what is already said. */
  known: readonly KnownSentence[];
  /** "section:piece" of pieces whose whole content the draft's lists now hold. */
  listed: ReadonlySet<string>;
  /** Per "section:piece", clauses the draft's lists now say ("Facturen bewaren wij 7 jaar"). */
  clauses: ReadonlyMap<string, ReadonlySet<string>>;
  language: Language;
  /** Lists that will be empty after the import, so a baseline lead-in before them would dangle. */
  emptyLists: ReadonlySet<string>;
  draft: {
    overrides: Readonly<Record<string, SectionOverride>>;
    ownKeys: readonly string[];
    /** How many own sections the draft still has room for. */
    room: number;
  };
}

const LEAD_IN = /:\s*$/;

export function placeSections(input: PlaceInput): PlacementResult {
  const { targets, language } = input;
  const result: PlacementResult = { overrides: {}, ownSections: [], sections: [], held: [] };
  const keys = new Set([...targets.map((t) => t.key), ...input.draft.ownKeys]);
  const used = new Set<string>();
  let previous: string | null = null;

  const addOwn = (index: number, section: PlaceSection, body: string, after: string): boolean => {
    const title = ownTitle(section.heading, language);
    const chunks = chunkBody(title.length > MAX_TITLE ? `**${escapeMarkdown(title)}**\n\n${body}` : body);
    if (result.ownSections.length + chunks.length > input.draft.room) return false;
    const key = makeOwnKey(cleanHeading(title) || "sectie", keys);
    chunks.forEach((chunk, part) => {
      const partTitle = part === 0 ? title : `${title} (${language === "nl" ? "vervolg" : "continued"})`;
      result.ownSections.push({
        key: part === 0 ? key : makeOwnKey(`${key}_${part + 1}`, keys),
        title: localize(cut(partTitle), language),
        body: localize(chunk, language),
        after,
      });
    });
    return true;
  };

  input.sections.forEach((section, index) => {
    const target = section.key === null ? undefined : targets.find((t) => t.key === section.key);
    if (section.skip) {
      result.sections.push({
        section: index,
        as: "skipped",
        key: null,
        why: { nl: "Weggelaten op jouw keuze.", en: "Left out by your choice." },
        pieces: section.pieces.map((p) => ({ piece: p.index, fate: "skipped" })),
      });
      return;
    }
    const plans = planPieces(index, section, target, input);
    const added = plans.filter((p) => p.fate === "added" || p.fate === "partial");
    const body = writeAdded(section.pieces, plans);
    const after = target?.key ?? previous ?? targets[0]?.key ?? "introduction";
    if (target !== undefined) previous = target.key;
    const hold = (why: Bilingual): void => {
      for (const plan of added) plan.fate = "held";
      result.held.push({ section: index, text: body, why });
      result.sections.push({ section: index, as: "held", key: target?.key ?? null, why, pieces: plans });
    };
    const own = (why: Bilingual): void => {
      if (addOwn(index, section, body, after)) {
        result.sections.push({ section: index, as: "own", key: section.key, after, why, pieces: plans });
      } else
        hold({
          nl: "Geen ruimte meer voor eigen secties (maximaal 50).",
          en: "No room for more own sections (at most 50).",
        });
    };
    if (added.length === 0) {
      result.sections.push({
        section: index,
        as: "inherit",
        key: section.key,
        why:
          target === undefined
            ? {
                nl: "Niets toe te voegen: alles staat al in de basis, het concept of de lijsten.",
                en: "Nothing to add: all of it is already in the baseline, the draft or the lists.",
              }
            : {
                nl: `Niets toe te voegen aan “${target.title.nl}”: de tekst staat al in de basis of in de lijst.`,
                en: `Nothing to add to “${target.title.nl}”: the text is already in the baseline or the list.`,
              },
        pieces: plans,
      });
      return;
    }
    if (target === undefined) {
      own({
        nl: `Eigen sectie “${ownTitle(section.heading, language)}”, na “${titleOf(targets, after)}”.`,
        en: `Own section “${ownTitle(section.heading, language)}”, after “${titleOf(targets, after)}”.`,
      });
      return;
    }
    const name = `“${target.title.nl}”`;
    const allowed = ALLOWED_MODES[target.policy];
    const first = !used.has(target.key);
    if (!first) {
      if (allowed.includes("append")) {
        own({
          nl: `${name} heeft al tekst uit een eerdere sectie; deze komt als eigen sectie direct erna.`,
          en: `${name} already takes text from an earlier section; this one follows it as an own section.`,
        });
        return;
      }
    }
    if (!allowed.includes("append")) {
      const why =
        target.policy === "locked"
          ? {
              nl: `${name} is vergrendeld: de groep bepaalt die tekst. Wat de bron anders of extra zegt, staat hieronder; overleg met de privacyfunctionaris of voeg het toe als eigen sectie.`,
              en: `${name} is locked: the group decides its text. What the source says differently or in addition is shown; consult the privacy lead or add it as an own section.`,
            }
          : {
              nl: `${name} mag alleen worden weggelaten, niet aangevuld. Voeg de tekst zo nodig toe als eigen sectie.`,
              en: `${name} may only be left out, not extended. Add the text as an own section if needed.`,
            };
      if (section.addHeld) own(why);
      else hold(why);
      return;
    }
    used.add(target.key);
    const coverage = coverageOf(target, plans, input.known);
    const dangling =
      LEAD_IN.test(target.body[language] ?? target.body.nl) &&
      target.list !== undefined &&
      input.emptyLists.has(target.list);
    if (allowed.includes("replace") && (coverage < 0.5 || dangling)) {
      // The source says this its own way: its whole text replaces the baseline's.
      for (const plan of plans) if (plan.fate === "baseline" || plan.fate === "partial") plan.fate = "added";
      const whole = writeAdded(section.pieces, plans);
      // The source's heading becomes the title only when it names the subject itself ("UW GEGEVENS" does not).
      const named = readHeadingTopics(cleanHeading(section.heading)).some(
        (t) => findTargetFor(t.topic, targets)?.key === target.key,
      );
      const retitle =
        named &&
        section.heading !== "" &&
        cleanHeading(section.heading) !== cleanHeading(target.title[language] ?? target.title.nl);
      result.overrides[target.key] = {
        mode: "replace",
        body: localize(whole, language),
        ...(retitle ? { title: localize(cut(ownTitle(section.heading, language)), language) } : {}),
      };
      result.sections.push({
        section: index,
        as: "replace",
        key: target.key,
        why: dangling
          ? {
              nl: `Vervangt de tekst van ${name} (vervangbaar): de basis eindigt met een inleiding op een lijst die leeg blijft.`,
              en: `Replaces the text of ${name} (replaceable): the baseline ends with a lead-in to a list that stays empty.`,
            }
          : {
              nl: `Vervangt de tekst van ${name} (vervangbaar): de bron zegt het op haar eigen manier.`,
              en: `Replaces the text of ${name} (replaceable): the source puts it its own way.`,
            },
        pieces: plans,
      });
      return;
    }
    const existing = input.draft.overrides[target.key];
    const merged =
      existing?.body !== undefined && existing.mode !== "omit" && existing.mode !== "inherit"
        ? mergeBodies(existing.body[language] ?? existing.body.nl, body)
        : body;
    result.overrides[target.key] = {
      mode: existing?.mode === "replace" ? "replace" : "append",
      body: localize(merged, language),
      ...(existing?.mode === "replace" && existing.title !== undefined ? { title: existing.title } : {}),
    };
    result.sections.push({
      section: index,
      as: "append",
      key: target.key,
      why: {
        nl: `Aangevuld na de tekst van ${name}: alleen wat de basis nog niet zegt.`,
        en: `Added after the text of ${name}: only what the baseline does not say yet.`,
      },
      pieces: plans,
    });
  });
  return result;
}

/** What becomes of each piece: already said, in a list, a lead-in of a list that moved, or new. */
function planPieces(
  index: number,
  section: PlaceSection,
  target: ImportTarget | undefined,
  input: PlaceInput,
): PiecePlan[] {
  const pieces = section.pieces;
  const plans: PiecePlan[] = pieces.map((piece) => ({
    piece: piece.index,
    fate: input.listed.has(`${index}:${piece.index}`) ? "list" : "added",
  }));
  // A table head goes with its rows.
  for (const piece of pieces) {
    if (piece.kind !== "head") continue;
    const rows = pieces.filter((p) => p.block === piece.block && p.kind === "row");
    if (rows.length > 0 && rows.every((r) => plans[r.index]?.fate === "list"))
      setFate(plans, piece.index, "list");
  }
  for (const piece of pieces) {
    const plan = plans[piece.index];
    if (plan === undefined || plan.fate !== "added") continue;
    const covered = input.clauses.get(`${index}:${piece.index}`) ?? new Set<string>();
    const inList = (sentence: string): boolean =>
      covered.size > 0 &&
      sentence
        .split(/;\s+/)
        .every(
          (clause) =>
            covered.has(clause.trim()) ||
            covered.has(clause.trim().replace(/[.]$/, "")) ||
            covered.has(`${clause.trim()}.`),
        );
    const matches = matchSentences(piece.text, input.known, target?.key).map((m) =>
      m.known === undefined && inList(m.sentence)
        ? { ...m, known: { key: "list", text: m.sentence, words: [] } }
        : m,
    );
    const repeated = matches.filter((m) => m.known !== undefined);
    if (repeated.length === 0) continue;
    plan.repeats = repeated.map((m) => ({ key: m.known?.key ?? "", text: m.known?.text ?? "" }));
    if (repeated.length === matches.length) {
      plan.fate = repeated.every((m) => m.known?.key === "list") ? "list" : "baseline";
      continue;
    }
    plan.fate = "partial";
    const kept = matches.filter((m) => m.known === undefined).map((m) => m.sentence);
    const mdSentences = splitSentences(piece.md);
    plan.md =
      mdSentences.length === matches.length
        ? mdSentences.filter((_s, i) => matches[i]?.known === undefined).join(" ")
        : escapeMarkdown(kept.join(" "));
  }
  // A lead-in ("Denk bijvoorbeeld aan:") whose list moved or was already said goes with it.
  for (const piece of pieces) {
    const plan = plans[piece.index];
    if (plan === undefined || piece.kind !== "paragraph") continue;
    const text = plan.fate === "partial" ? (plan.md ?? "") : piece.text;
    if (!LEAD_IN.test(text) || (plan.fate !== "added" && plan.fate !== "partial")) continue;
    const next = pieces.find((p) => p.index > piece.index);
    if (next === undefined || next.kind === "paragraph") continue;
    const list = pieces.filter((p) => p.block === next.block);
    const gone = list.every((p) => plans[p.index]?.fate === "list" || plans[p.index]?.fate === "baseline");
    if (!gone) continue;
    const fate = list.some((p) => plans[p.index]?.fate === "list") ? "list" : "baseline";
    if (plan.fate === "partial") {
      // Only the closing lead-in sentence goes; the rest of the new text stays, and what was
      // already said stays said.
      const sentences = splitSentences(plan.md ?? "");
      sentences.pop();
      if (sentences.length > 0) plan.md = sentences.join(" ");
      else {
        const repeats = plan.repeats;
        setFate(plans, piece.index, "baseline");
        if (repeats !== undefined) plan.repeats = repeats;
      }
    } else setFate(plans, piece.index, fate);
  }
  return plans;
}

function setFate(plans: PiecePlan[], index: number, fate: PieceFate): void {
  const plan = plans[index];
  if (plan !== undefined) {
    plan.fate = fate;
    delete plan.md;
  }
}

/** The share of the baseline section's sentences the source repeats: low means the source rewrote it. */
function coverageOf(
  target: ImportTarget,
  plans: readonly PiecePlan[],
  known: readonly KnownSentence[],
): number {
  const own = known.filter((k) => k.key === target.key && k.other !== true);
  if (own.length === 0) return 1;
  const texts = new Set(own.map((k) => k.text));
  const repeated = new Set(
    plans
      .flatMap((p) => p.repeats ?? [])
      .filter((r) => r.key === target.key && texts.has(r.text))
      .map((r) => r.text),
  );
  return repeated.size / own.length;
}

function writeAdded(pieces: readonly Piece[], plans: readonly PiecePlan[]): string {
  const kept = pieces.flatMap((piece) => {
    const plan = plans[piece.index];
    if (plan?.fate === "added") return [piece];
    if (plan?.fate === "partial" && plan.md !== undefined && plan.md !== "")
      return [{ ...piece, md: plan.md }];
    return [];
  });
  return writePieces(kept);
}

/** The draft's extension followed by the new text, leaving out paragraphs it already has. */
function mergeBodies(existing: string, added: string): string {
  if (existing.trim() === "") return added;
  const have = new Set(existing.split(/\n{2,}/).map((p) => p.trim()));
  const fresh = added.split(/\n{2,}/).filter((p) => !have.has(p.trim()));
  return [existing, ...fresh].join("\n\n");
}

function titleOf(targets: readonly ImportTarget[], key: string): string {
  return targets.find((t) => t.key === key)?.title.nl ?? key;
}

/** The heading without its numbering, as an own section's title; the introduction's when there is none. */
export function ownTitle(heading: string, language: Language): string {
  const bare = heading.replace(/^(?:(?:\d{1,2}\.){0,3}\d{1,2}[.)]?|[a-z][.)])\s+/i, "").trim();
  // "KLACHTEN" reads as "Klachten" in a statement whose other titles are not in capitals.
  if (bare !== "" && bare === bare.toUpperCase() && /\p{Lu}{3}/u.test(bare))
    return bare.charAt(0) + bare.slice(1).toLowerCase();
  if (bare !== "") return bare;
  return language === "nl" ? "Inleiding" : "Introduction";
}

export function localize(text: string, language: Language): LocalizedLine {
  // Dutch is required; an English text fills both until it is translated (the review marks it).
  return language === "nl" ? { nl: text } : { nl: text, en: text };
}

function cut(text: string): string {
  return text.length <= MAX_TITLE ? text : `${text.slice(0, MAX_TITLE - 1)}…`;
}

/** A section key from a heading: ascii, lower case, underscores, unique among `keys` (which it joins). */
export function makeOwnKey(source: string, keys: Set<string>): string {
  let base = source
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 48)
    .replace(/_+$/, "");
  if (!/^[a-z]/.test(base)) base = `sectie${base === "" ? "" : `_${base}`}`;
  let key = base;
  for (let n = 2; keys.has(key); n++) key = `${base}_${n}`;
  keys.add(key);
  return key;
}

/** Splits a body into pieces within the schema's limit, at paragraph boundaries where possible. */
export function chunkBody(body: string): string[] {
  if (body.length <= MAX_BODY) return [body];
  const chunks: string[] = [];
  let current = "";
  for (const block of body.split(/\n{2,}/).filter((b) => b.trim() !== "")) {
    for (let rest = block; rest !== "";) {
      const piece = rest.slice(0, MAX_BODY);
      rest = rest.slice(piece.length);
      if (current !== "" && current.length + 2 + piece.length > MAX_BODY) {
        chunks.push(current);
        current = "";
      }
      current = current === "" ? piece : `${current}\n\n${piece}`;
    }
  }
  if (current !== "") chunks.push(current);
  return chunks;
}
