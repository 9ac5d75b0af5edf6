// A section's text as numbered pieces — each paragraph, bullet, table head and table row — so
// everything the importer decides (this bullet became a list item, this paragraph is already in
// the baseline, this one is new) can name the piece it is about, and nothing is decided twice.
import { joinCells, type ContentBlock, type Line } from "./blocks.ts";

export interface Piece {
  /** Position within the section. */
  index: number;
  kind: "paragraph" | "bullet" | "head" | "row";
  /** Which block of the section it belongs to; bullets of one list and rows of one table share it. */
  block: number;
  text: string;
  md: string;
  /** Table rows and heads: their cells. */
  cells?: Line[];
  /** Table rows: the head of their table, if it has one. */
  head?: Line[] | null;
}

export function toPieces(blocks: readonly ContentBlock[]): Piece[] {
  const pieces: Piece[] = [];
  blocks.forEach((block, blockIndex) => {
    const add = (piece: Omit<Piece, "index" | "block">): void => {
      pieces.push({ ...piece, index: pieces.length, block: blockIndex });
    };
    switch (block.type) {
      case "paragraph":
        add({ kind: "paragraph", text: block.line.text, md: block.line.md });
        break;
      case "list":
        for (const item of block.items) add({ kind: "bullet", text: item.text, md: item.md });
        break;
      case "table":
        if (block.head !== null) add({ kind: "head", ...joinCells(block.head), cells: block.head });
        for (const row of block.rows) add({ kind: "row", ...joinCells(row), cells: row, head: block.head });
        break;
    }
  });
  return pieces;
}

/** Pieces back to a Markdown-subset body: paragraphs apart, bullets and rows of one block together. */
export function writePieces(pieces: readonly Piece[]): string {
  const parts: string[] = [];
  let previous: Piece | undefined;
  for (const piece of pieces) {
    // A table's head stays a line of its own above its rows, as the statement renderer writes tables.
    const line = piece.kind === "paragraph" || piece.kind === "head" ? piece.md : `- ${piece.md}`;
    const together =
      previous !== undefined &&
      previous.kind !== "paragraph" &&
      piece.kind !== "paragraph" &&
      previous.block === piece.block;
    if (together) parts[parts.length - 1] = `${parts[parts.length - 1] ?? ""}\n${line}`;
    else parts.push(line);
    previous = piece;
  }
  return parts.join("\n\n");
}

/** Sentences of a plain-text paragraph; abbreviations ("B.V.", "o.a.") do not end one. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=["'‘“(]?[\p{Lu}\d])/u)
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .reduce<string[]>((out, sentence) => {
      const last = out[out.length - 1];
      // "B.V. is" or "mr. L." split too early: join a piece that ends in a known abbreviation.
      if (
        last !== undefined &&
        /(?:\b(?:B\.V|N\.V|V\.O\.F|Zn|mr|dr|drs|ir|ing|nr|o\.a|i\.v\.m|bijv|e\.g|i\.e|Inc|Ltd|St)\.)$/i.test(
          last,
        )
      )
        out[out.length - 1] = `${last} ${sentence}`;
      else out.push(sentence);
      return out;
    }, []);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Words before a name or noun phrase that are no part of it. */
const LEADING =
  /^(?:(?:uw|je|jouw|jullie|de|het|een|onze|ons|hun|haar|zijn|your|the|a|an|our|their|ook|alleen|en|of|and|or)\s+)+/i;

/** A noun phrase as a list entry: no leading article or possessive, no closing punctuation, a capital. */
export function tidyPhrase(text: string): string {
  return capitalize(
    text
      .replace(LEADING, "")
      // A closing full stop goes, unless it ends an abbreviation ("B.V.", "Zn.").
      .replace(/(?<!\b(?:B\.V|N\.V|V\.O\.F|Ltd|Inc|Zn|Co))[\s,;:.]+$/, "")
      .replace(/[\s,;:]+$/, "")
      .trim(),
  );
}

/**
 * Splits "a, b, c en d" (or "a; b and c") into its parts, not inside parentheses, so
 * "Nmbrs (salarisadministratie, Nederland) en Twinfield" is two parts.
 */
export function splitEnumeration(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  const words = text.split(/(\s+|,|;|\(|\))/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    if (word === "(") depth++;
    if (word === ")") depth = Math.max(0, depth - 1);
    const separator =
      depth === 0 &&
      (word === "," || word === ";" || (/^(?:en|and|of|or)$/i.test(word) && /\s$/.test(current)));
    if (separator) {
      if (current.trim() !== "") parts.push(current.trim());
      current = "";
      continue;
    }
    current += word;
  }
  if (current.trim() !== "") parts.push(current.trim());
  return parts;
}

/** "**Naam**: rest" — a bullet that leads with a bold name, as lists are written (and rendered). */
export function readBoldLead(piece: { md: string; text: string }): { name: string; rest: string } | null {
  const match = /^\*\*((?:[^*\\]|\\.)+)\*\*/.exec(piece.md.trim());
  if (match === null) return null;
  const name = (match[1] ?? "").replace(/\\(.)/g, "$1").trim();
  const at = piece.text.indexOf(name);
  if (name === "" || at !== 0) return null;
  return { name, rest: piece.text.slice(name.length).trim() };
}
