// Recipients that companies list by hand while the group's processor register does not have them:
// the register can start from those instead of from an empty form. The worker finds them over all
// drafts (worker/db/processors.ts, listHandListedRecipients); this decides which are suggestions
// and the register key each would get.
import type { ProcessorEntry, Recipient } from "./model.ts";
import { slugFromName } from "./slug-from-name.ts";

/** A name as two names are compared: lower case, one space between words. */
export const sameName = (name: string): string => name.trim().replace(/\s+/g, " ").toLowerCase();

export interface HandListed {
  recipient: Recipient;
  companies: number;
  named: { slug: string; name: string }[];
}

export interface RegisterSuggestion extends HandListed {
  /** A key derived from the name, not yet in use. */
  key: string;
  recipient: Omit<Recipient, "processor">;
}

/**
 * The hand-listed recipients whose name the register does not have, most companies first, each
 * with a key of its own. Names that differ only in their spaces are one suggestion (the counts
 * add up; a company listing both spellings counts twice, which only orders the list).
 */
export function suggestFromHandListed(
  register: readonly ProcessorEntry[],
  listed: readonly HandListed[],
): RegisterSuggestion[] {
  const known = new Set(register.map((entry) => sameName(entry.recipient.name)));
  const taken = new Set(register.map((entry) => entry.key));
  const byName = new Map<string, RegisterSuggestion>();
  for (const entry of listed) {
    const name = sameName(entry.recipient.name);
    if (name === "" || known.has(name)) continue;
    const found = byName.get(name);
    if (found) {
      found.companies += entry.companies;
      for (const company of entry.named)
        if (!found.named.some((c) => c.slug === company.slug)) found.named.push(company);
      continue;
    }
    const { processor: _none, ...details } = entry.recipient;
    byName.set(name, { key: "", recipient: details, companies: entry.companies, named: [...entry.named] });
  }
  const suggestions = [...byName.values()].sort(
    (a, b) => b.companies - a.companies || a.recipient.name.localeCompare(b.recipient.name),
  );
  for (const suggestion of suggestions) {
    const base = slugFromName(suggestion.recipient.name) || "verwerker";
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base.slice(0, 60)}-${n}`;
    taken.add(key);
    suggestion.key = key;
  }
  return suggestions;
}
