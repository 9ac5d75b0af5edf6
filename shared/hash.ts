// Content hashes. A published version carries the hash of what it says in every language, so
// anyone can later show that a given text is the one that was published.
// Oslo's SHA-256, which sessions and keys already use: one JavaScript SHA-256 in the Worker bundle.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase64, encodeHexLowerCase as bytesToHex } from "@oslojs/encoding";
import type { ResolvedStatement } from "./statement.ts";

const encoder = new TextEncoder();

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(encoder.encode(text)));
}

/** SHA-256 over the statements' content; problems are advice to the editor, not content. */
export function hashStatementContent(statements: ResolvedStatement[]): string {
  return sha256Hex(writeCanonicalJson(contentOf(statements)));
}

const contentOf = (statements: ResolvedStatement[]) =>
  [...statements]
    .sort((a, b) => (a.language < b.language ? -1 : a.language > b.language ? 1 : 0))
    .map((s) => ({
      language: s.language,
      title: s.title,
      group: s.group,
      tenant: s.tenant,
      sections: s.sections,
    }));

/** A CSP source expression allowing exactly this inline script or style text. */
export function cspHashSource(text: string): string {
  return `'sha256-${encodeBase64(sha256(encoder.encode(text)))}'`;
}

/** JSON with object keys sorted (UTF-16 code units), so equal content always gives equal bytes. */
export function writeCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + writeCanonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // Array.prototype.sort without a comparator orders strings by UTF-16 code units.
  const keys = Object.keys(record).sort();
  let out = "{";
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${out.length === 1 ? "" : ","}${JSON.stringify(key)}:${writeCanonicalJson(item)}`;
  }
  return `${out}}`;
}

/**
 * SHA-256 (hex) by the platform's own implementation (Web Crypto: workerd, Node and browsers),
 * several times faster than hashing in JavaScript; what publishing uses.
 */
export function digestSha256Hex(text: string): Promise<string> {
  return digestBytesSha256Hex(encoder.encode(text));
}

/** digestSha256Hex of bytes already encoded (a rendering is encoded once, for its hash and its pack). */
export async function digestBytesSha256Hex(bytes: Uint8Array): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));
}

/** hashStatementContent by the platform's SHA-256: the same value, sooner. */
export function digestStatementContent(statements: ResolvedStatement[]): Promise<string> {
  return digestSha256Hex(writeCanonicalJson(contentOf(statements)));
}
