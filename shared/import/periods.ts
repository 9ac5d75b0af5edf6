// Retention periods written out in Dutch or English: "7 jaar", "twaalf maanden", "vijf jaar",
// "30 dagen", "four weeks", "anderhalf jaar". Weeks become days, because the model's periods
// know only days, months and years.
import type { Period } from "../model.ts";

const WORDS: Record<string, number> = {
  een: 1,
  één: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
  twintig: 20,
  dertig: 30,
  veertig: 40,
  vijftig: 50,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};
const UNITS: Record<string, { unit: Period["unit"]; factor: number }> = {
  jaar: { unit: "years", factor: 1 },
  jaren: { unit: "years", factor: 1 },
  year: { unit: "years", factor: 1 },
  years: { unit: "years", factor: 1 },
  maand: { unit: "months", factor: 1 },
  maanden: { unit: "months", factor: 1 },
  month: { unit: "months", factor: 1 },
  months: { unit: "months", factor: 1 },
  week: { unit: "days", factor: 7 },
  weken: { unit: "days", factor: 7 },
  weeks: { unit: "days", factor: 7 },
  dag: { unit: "days", factor: 1 },
  dagen: { unit: "days", factor: 1 },
  day: { unit: "days", factor: 1 },
  days: { unit: "days", factor: 1 },
};
const NUMBER = `\\d{1,4}|anderhalf|${Object.keys(WORDS).join("|")}`;
const PERIOD = new RegExp(
  `(?<![\\p{L}\\p{N}])(${NUMBER})(?:\\s|-)(${Object.keys(UNITS).join("|")})(?![\\p{L}])`,
  "giu",
);

export interface FoundPeriod {
  period: Period;
  /** The words as written, e.g. "vijf jaar". */
  text: string;
  index: number;
}

export function findPeriods(text: string): FoundPeriod[] {
  const found: FoundPeriod[] = [];
  for (const match of text.matchAll(PERIOD)) {
    const number = (match[1] ?? "").toLowerCase();
    const unit = UNITS[(match[2] ?? "").toLowerCase()];
    if (unit === undefined) continue;
    // "anderhalf jaar" is eighteen months; other halves are rare enough to leave to the editor.
    const period: Period | null =
      number === "anderhalf"
        ? unit.unit === "years"
          ? { amount: 18, unit: "months" }
          : null
        : { amount: (WORDS[number] ?? Number(number)) * unit.factor, unit: unit.unit };
    if (period === null || !Number.isInteger(period.amount) || period.amount < 1 || period.amount > 1200)
      continue;
    found.push({ period, text: match[0], index: match.index });
  }
  return found;
}

export function findPeriod(text: string): FoundPeriod | null {
  return findPeriods(text)[0] ?? null;
}
