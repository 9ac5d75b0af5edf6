// JSON.stringify(value, null, 2), written out. V8 serialises JSON without indentation on a fast
// path and with it on a general one several times slower; a rollout renders the JSON of every
// company in two languages (issue 20), so the indentation is added here around the fast path's
// answers for the leaves. Only for plain data (what JSON.parse gives, plus undefined properties,
// which are left out as JSON.stringify leaves them out): no toJSON, no Map, no class instances.

/** The same text as JSON.stringify(value, null, 2) for plain data. */
export function writeIndentedJson(value: unknown): string {
  return write(value, "\n") ?? "undefined";
}

function write(value: unknown, newline: string): string | undefined {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${newline}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      // An array keeps its places: what JSON.stringify cannot write there (undefined) is null.
      out += `${i === 0 ? "" : ","}${inner}${write(value[i], inner) ?? "null"}`;
    }
    return `${out}${newline}]`;
  }
  let out = "";
  for (const key of Object.keys(value)) {
    const item = write((value as Record<string, unknown>)[key], inner);
    if (item === undefined) continue;
    out += `${out === "" ? "" : ","}${inner}${JSON.stringify(key)}: ${item}`;
  }
  return out === "" ? "{}" : `{${out}${newline}}`;
}
