// Text helpers for placing imported sections: own-section keys, leaving out what the draft
// already says, and splitting bodies that exceed the schema's length limit.
import { normalizeForMatch } from "../completeness/cues.ts";
import type { Language } from "../model.ts";
import { stripMarkdown } from "./blocks.ts";
import type { ImportTarget } from "./map.ts";
import type { ListSource } from "./place.ts";

const MAX_BODY = 20_000;

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

function splitBlocks(body: string): string[] {
  return body.split(/\n{2,}/).filter((b) => b.trim() !== "");
}

export function dropRepeatedBullets(
  body: string,
  index: number,
  target: ImportTarget | undefined,
  sources: readonly ListSource[],
): string {
  const repeated = sources
    .filter((s) => s.section === index && s.complete && s.md !== "" && target?.list === s.list)
    .map((s) => `- ${s.md}`);
  if (repeated.length === 0) return body;
  const remaining = [...repeated];
  return splitBlocks(body)
    .map((block) =>
      block
        .split("\n")
        .filter((line) => {
          const at = remaining.indexOf(line);
          if (at < 0) return true;
          remaining.splice(at, 1);
          return false;
        })
        .join("\n"),
    )
    .filter((b) => b.trim() !== "")
    .join("\n\n");
}

/** Leaves out paragraphs and bullets the baseline section already says (placeholders match anything). */
export function dropBaselineText(body: string, target: ImportTarget, language: Language): string {
  const text = target.body[language] ?? target.body.nl;
  const known = text
    .split(/\n+/)
    .map(toPattern)
    .filter((p): p is RegExp => p !== null);
  if (known.length === 0) return body;
  return splitBlocks(body)
    .map((block) =>
      block
        .split("\n")
        .filter((line) => !known.some((p) => p.test(plain(line))))
        .join("\n"),
    )
    .filter((b) => b.trim() !== "")
    .join("\n\n");
}

function plain(md: string): string {
  return normalizeForMatch(stripMarkdown(md.replace(/^- /, "")));
}

function toPattern(line: string): RegExp | null {
  const text = plain(line);
  if (text === "") return null;
  const source = text
    .split(/(\{\{[^{}]*\}\})/)
    .map((part, i) => (i % 2 === 1 ? ".{1,300}?" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

/** Splits a body into pieces within the schema's limit, at paragraph boundaries where possible. */
export function chunkBody(body: string): string[] {
  if (body.length <= MAX_BODY) return [body];
  const chunks: string[] = [];
  let current = "";
  for (const block of splitBlocks(body)) {
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
