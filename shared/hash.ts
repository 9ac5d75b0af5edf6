// Content hashes. A published version carries the hash of what it says in every language, so
// anyone can later show that a given text is the one that was published.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { encodeBase64 } from "@oslojs/encoding";
import type { ResolvedStatement } from "./statement.ts";

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** SHA-256 over the statements' content; problems are advice to the editor, not content. */
export function hashStatementContent(statements: ResolvedStatement[]): string {
  const content = [...statements]
    .sort((a, b) => (a.language < b.language ? -1 : a.language > b.language ? 1 : 0))
    .map((s) => ({
      language: s.language,
      title: s.title,
      group: s.group,
      tenant: s.tenant,
      sections: s.sections,
    }));
  return sha256Hex(writeCanonicalJson(content));
}

/** A CSP source expression allowing exactly this inline script or style text. */
export function cspHashSource(text: string): string {
  return `'sha256-${encodeBase64(sha256(utf8ToBytes(text)))}'`;
}

/** JSON with object keys sorted (UTF-16 code units), so equal content always gives equal bytes. */
export function writeCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item: unknown) => writeCanonicalJson(item)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${writeCanonicalJson(item)}`).join(",")}}`;
}
