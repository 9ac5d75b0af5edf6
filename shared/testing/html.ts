// A small tag reader for tests. It is enough for our output because every "<" in it is markup
// (text is escaped), which is exactly what the tests check alongside.
export interface Tag {
  name: string;
  closing: boolean;
  attributes: Record<string, string>;
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTRIBUTE = /\s+([^\s=/>]+)(?:="([^"]*)")?/g;

export function readTags(html: string): Tag[] {
  const withoutStyle = html.replace(/<style>[\s\S]*?<\/style>/g, "<style></style>");
  return [...withoutStyle.matchAll(TAG)].map((match) => {
    const attributes: Record<string, string> = {};
    for (const attr of (match[3] ?? "").matchAll(ATTRIBUTE))
      attributes[attr[1] ?? ""] = decode(attr[2] ?? "");
    return { name: (match[2] ?? "").toLowerCase(), closing: match[1] === "/", attributes };
  });
}

/** Every "<" that is not the start of a well-formed tag, doctype or comment. */
export function findStrayAngles(html: string): number {
  const withoutStyle = html.replace(/<style>[\s\S]*?<\/style>/g, "");
  const withoutTags = withoutStyle.replace(TAG, "").replace(/<!doctype html>/i, "");
  return (withoutTags.match(/</g) ?? []).length;
}

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export function countTags(html: string, name: string): number {
  return readTags(html).filter((tag) => tag.name === name && !tag.closing).length;
}
