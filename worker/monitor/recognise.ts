// What a fetched page says about which statement it shows, read from its HTML without running it:
// the marker Verklaring puts in every fragment and page (data-verklaring-version/-hash, <meta
// name="verklaring:…">), and references to the statement's public address — a link, an iframe, or
// the <privacy-statement> web component with Verklaring's embed.js.
import { decodeEntities } from "#shared/import/html.ts";
import { LANGUAGES, type Language } from "#shared/model.ts";

export interface MarkerClaim {
  hash: string;
  /** The version number the marker states; the hash is what counts. */
  version: number | null;
  /** The language of the element that carries it (its lang, or the page's). */
  language: Language | null;
}

export interface StatementReference {
  kind: "link" | "iframe" | "component";
  url: string;
  /** A numbered version (/versions/N), or null for the address that serves the version in force. */
  version: number | null;
  /** ?at=: the version in force at that moment. */
  at: string | null;
  language: Language | null;
}

interface Tag {
  name: string;
  attributes: Map<string, string>;
}

// Comments and script bodies can hold tag-like text that is not on the page.
const HIDDEN = /<!--[\s\S]*?(?:-->|$)|(<script\b[^>]*>)[\s\S]*?(?:<\/script\s*>|$)/gi;
// Attributes are bounded, so a stray "<" cannot make one tag scan the rest of the page.
const TAG = /<([a-zA-Z][\w:-]*)(\s[^>]{0,4000})?\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const INTERESTING = new Set(["html", "meta", "a", "iframe", "script", "privacy-statement"]);

function readTags(html: string): Tag[] {
  const visible = html.replace(HIDDEN, (_match, script: string | undefined) => script ?? " ");
  const tags: Tag[] = [];
  for (const match of visible.matchAll(TAG)) {
    const name = match[1]!.toLowerCase();
    const raw = match[2] ?? "";
    if (!INTERESTING.has(name) && !raw.includes("data-verklaring-")) continue;
    const attributes = new Map<string, string>();
    for (const a of raw.matchAll(ATTRIBUTE)) {
      const key = a[1]!.toLowerCase();
      if (!attributes.has(key)) attributes.set(key, decodeEntities(a[2] ?? a[3] ?? a[4] ?? "").trim());
    }
    tags.push({ name, attributes });
  }
  return tags;
}

const HASH = /^[0-9a-f]{64}$/;
const asLanguage = (value: string | undefined): Language | null => {
  const code = value?.toLowerCase().slice(0, 2);
  return LANGUAGES.find((l) => l === code) ?? null;
};
const asVersion = (value: string | undefined): number | null =>
  value !== undefined && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;

/** Whether two origins are one: the same, or both this machine on the same port (local development). */
function sameOrigin(a: URL, b: URL): boolean {
  if (a.origin === b.origin) return true;
  const loopback = (u: URL) => ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname);
  return loopback(a) && loopback(b) && a.protocol === b.protocol && a.port === b.port;
}

const STATEMENT_PATH =
  /^\/v1\/statements\/([a-z0-9-]+)\/([a-z0-9-]+?)(?:\.(?:html|json|md|txt))?(?:\/versions\/([1-9]\d{0,8})(?:\.(?:html|json|md|txt))?)?\/?$/;

export interface PageSubject {
  /** Where Verklaring serves statements (PUBLIC_ORIGIN). */
  origin: string;
  group: string;
  tenant: string;
}

function readStatementUrl(
  href: string | undefined,
  base: string,
  subject: PageSubject,
): Omit<StatementReference, "kind"> | null {
  if (!href || !URL.canParse(href, base)) return null;
  const url = new URL(href, base);
  if (!sameOrigin(url, new URL(subject.origin))) return null;
  const match = STATEMENT_PATH.exec(url.pathname);
  if (!match || match[1] !== subject.group || match[2] !== subject.tenant) return null;
  return {
    url: url.href,
    version: asVersion(match[3]),
    at: url.searchParams.get("at"),
    language: asLanguage(url.searchParams.get("lang") ?? undefined),
  };
}

export interface PageEvidence {
  markers: MarkerClaim[];
  references: StatementReference[];
}

/** Markers and references to this company's statement on the page at `base` (its final address). */
export function readEvidence(html: string, base: string, subject: PageSubject): PageEvidence {
  const tags = readTags(html);
  const pageLanguage = asLanguage(tags.find((t) => t.name === "html")?.attributes.get("lang"));
  const markers: MarkerClaim[] = [];
  const references: StatementReference[] = [];
  const meta = (name: string) =>
    tags
      .find((t) => t.name === "meta" && t.attributes.get("name")?.toLowerCase() === name)
      ?.attributes.get("content");
  const pageHash = meta("verklaring:hash");
  if (pageHash && HASH.test(pageHash)) {
    markers.push({ hash: pageHash, version: asVersion(meta("verklaring:version")), language: pageLanguage });
  }
  // The web component loads from where embed.js lives, unless src-base says otherwise.
  const embedScript = tags.find(
    (t) => t.name === "script" && /\/embed\.js(?:[?#]|$)/.test(t.attributes.get("src") ?? ""),
  );
  for (const tag of tags) {
    const hash = tag.attributes.get("data-verklaring-hash");
    if (hash && HASH.test(hash)) {
      markers.push({
        hash,
        version: asVersion(tag.attributes.get("data-verklaring-version")),
        language: asLanguage(tag.attributes.get("lang")) ?? pageLanguage,
      });
    }
    if (tag.name === "a" || tag.name === "iframe") {
      const found = readStatementUrl(tag.attributes.get(tag.name === "a" ? "href" : "src"), base, subject);
      if (found) references.push({ kind: tag.name === "a" ? "link" : "iframe", ...found });
    }
    if (tag.name === "privacy-statement") {
      if (tag.attributes.get("group") !== subject.group || tag.attributes.get("company") !== subject.tenant) {
        continue;
      }
      const scriptBase = embedScript?.attributes.get("src");
      const root =
        tag.attributes.get("src-base") ?? (scriptBase ? new URL(".", new URL(scriptBase, base)).href : null);
      if (!root || !URL.canParse(root, base) || !sameOrigin(new URL(root, base), new URL(subject.origin)))
        continue;
      const language = asLanguage(tag.attributes.get("lang"));
      references.push({
        kind: "component",
        url: `${new URL(root, base).origin}/v1/statements/${subject.group}/${subject.tenant}${language ? `?lang=${language}` : ""}`,
        version: null,
        at: null,
        language,
      });
    }
  }
  return { markers, references };
}
