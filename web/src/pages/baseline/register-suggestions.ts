// The processor register and what the companies already list: which entry is used by which
// companies, and which recipients several companies name without the register having them — the
// register can start from those instead of from an empty form.
import type { Recipient } from "#shared/model.ts";
import type { Processor } from "../group/group-data.ts";
import type { CompanyRecipients } from "./data.ts";

type Company = { slug: string; name: string };

export interface RegisterSuggestion {
  /** A key derived from the name, not yet in use. */
  key: string;
  recipient: Omit<Recipient, "processor">;
  companies: Company[];
}

/** "Lage Landen Hosting B.V." → "lage-landen-hosting-b-v": lower-case letters, digits and dashes. */
export function keyFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

const sameName = (name: string): string => name.trim().replace(/\s+/g, " ").toLowerCase();

/** The companies whose draft names the register entry `key` among its recipients. */
export function companiesUsing(key: string, companies: CompanyRecipients): Company[] {
  return companies.filter((c) => c.recipients.some((r) => r.processor === key)).map((c) => c.tenant);
}

/**
 * Recipients the companies list by hand (not taken from the register) whose name the register does
 * not have, one suggestion per name, most companies first. The details are those of the first
 * company that lists it; the privacy lead checks them in the form before anything is saved.
 */
export function suggestFromCompanies(
  register: Processor[],
  companies: CompanyRecipients,
): RegisterSuggestion[] {
  const known = new Set(register.map((entry) => sameName(entry.recipient.name)));
  const taken = new Set(register.map((entry) => entry.key));
  const byName = new Map<string, RegisterSuggestion>();
  for (const company of companies) {
    for (const recipient of company.recipients) {
      if (recipient.processor !== undefined || recipient.name.trim() === "") continue;
      const name = sameName(recipient.name);
      if (known.has(name)) continue;
      const found = byName.get(name);
      if (found) {
        if (!found.companies.some((c) => c.slug === company.tenant.slug))
          found.companies.push(company.tenant);
        continue;
      }
      const { processor: _none, ...details } = recipient;
      byName.set(name, { key: "", recipient: details, companies: [company.tenant] });
    }
  }
  const suggestions = [...byName.values()].sort(
    (a, b) => b.companies.length - a.companies.length || a.recipient.name.localeCompare(b.recipient.name),
  );
  for (const suggestion of suggestions) {
    const base = keyFromName(suggestion.recipient.name) || "verwerker";
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base.slice(0, 60)}-${n}`;
    taken.add(key);
    suggestion.key = key;
  }
  return suggestions;
}
