// Deciding what a fetched page shows: current, outdated, modified, missing (unreachable is decided
// by the fetch). The evidence, strongest first:
//   1. Verklaring's marker, or — for renderings published before the marker existed, which are
//      immutable and were never rewritten — the content hash their footer shows. Either names a
//      version; the page's text must then hold that version word for word (a copy whose marker
//      came along but whose text was edited is not that version).
//   2. A link, iframe or web component pointing at the statement's public address: following it is
//      the check, answered from the published versions themselves — the address without a number
//      serves the version in force, /versions/N serves N, ?at= the version in force at that time.
//   3. The text: a copy that holds one version word for word is that version; one that comes close
//      (half of the words in place, section by section) is a modified copy, shown against the
//      version in force; anything less is no statement at all.
import type { Language } from "#shared/model.ts";
import type { SiteDisplay, SiteEvidence } from "#shared/site-schemas.ts";
import type { SiteFinding } from "../db/site-checks.ts";
import type { VersionSummary } from "../db/statements.ts";
import type { VersionText } from "../db/version-texts.ts";
import {
  describeDifference,
  fitVersion,
  indexText,
  readPageText,
  type TextIndex,
  type VersionFit,
} from "./compare.ts";
import type { PageRead } from "./fetch-page.ts";
import { readEvidence, type PageSubject } from "./recognise.ts";

/** Below this share of a version's words in place, a page does not show (a copy of) the statement. */
export const MODIFIED_MIN_SIMILARITY = 0.5;

export interface CheckSubject extends PageSubject {
  language: Language;
  display: SiteDisplay;
}

/** The published texts a comparison needs, loaded only when it gets that far. */
export interface TextSource {
  /** One version in one language (the group's default language if it lacks that one). */
  version(number: number, language: Language): Promise<VersionText | null>;
  /** The latest versions in one language, newest first. */
  recent(language: Language): Promise<VersionText[]>;
}

const MISSING: Record<SiteDisplay, string> = {
  link: "no link to the statement's public address on the page",
  fragment: "no statement fragment on the page (no Verklaring marker, no text of a published version)",
  iframe: "no iframe showing the statement on the page",
  component: "no <privacy-statement> element for this company with Verklaring's embed.js on the page",
  copy: "no copy of a published version's text on the page",
};

/** The version in force at `at` (the latest effective date not after it), or null. */
export function findInForce(versions: readonly VersionSummary[], at: number): VersionSummary | null {
  let found: VersionSummary | null = null;
  for (const v of versions) {
    const from = Date.parse(v.effectiveFrom);
    if (from > at) continue;
    if (
      !found ||
      from > Date.parse(found.effectiveFrom) ||
      (from === Date.parse(found.effectiveFrom) && v.number > found.number)
    )
      found = v;
  }
  return found;
}

/** A cheap fingerprint (FNV-1a), so a changed difference starts a new finding. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16);
}

type FindingFacts = Omit<SiteFinding, "outcome" | "httpStatus" | "finalUrl">;

function finish(facts: FindingFacts, read: { status: number | null; url: string }): SiteFinding {
  const outcome = [
    facts.state,
    facts.shownVersion ?? "",
    facts.versionInForce ?? "",
    facts.evidence,
    facts.similarity === null ? "" : facts.similarity.toFixed(3),
    facts.difference === null ? "" : fingerprint(JSON.stringify(facts.difference)),
    facts.problem ?? "",
  ].join("|");
  return { ...facts, httpStatus: read.status, finalUrl: read.url, outcome: outcome.slice(0, 600) };
}

/** The page could not be read: the HTTP or network error. */
export function describeUnreachable(
  read: Extract<PageRead, { kind: "failed" }>,
  inForce: VersionSummary | null,
): SiteFinding {
  return finish(
    {
      state: "unreachable",
      shownVersion: null,
      versionInForce: inForce?.number ?? null,
      outdatedSince: null,
      evidence: "none",
      similarity: null,
      problem: read.problem,
      difference: null,
    },
    read,
  );
}

/** The version a reference serves: a numbered one, the one in force at ?at=, or the one in force now. */
function resolveReference(
  ref: { version: number | null; at: string | null },
  versions: readonly VersionSummary[],
  now: number,
): VersionSummary | null {
  if (ref.version !== null) return versions.find((v) => v.number === ref.version) ?? null;
  if (ref.at !== null) {
    const at = Date.parse(ref.at);
    return Number.isNaN(at) ? null : findInForce(versions, at);
  }
  return findInForce(versions, now);
}

/** Of several versions a page names, the one in force if it is among them, else the newest. */
const preferred = <T extends { version: VersionSummary }>(found: T[], inForce: VersionSummary): T | null =>
  found.find((f) => f.version.number === inForce.number) ??
  found.reduce<T | null>((best, f) => (!best || f.version.number > best.version.number ? f : best), null);

export async function classifyPage(
  read: Extract<PageRead, { kind: "read" }>,
  subject: CheckSubject,
  versions: readonly VersionSummary[],
  texts: TextSource,
  now: Date,
): Promise<SiteFinding> {
  const inForce = findInForce(versions, now.getTime());
  const base = { versionInForce: inForce?.number ?? null, similarity: null, difference: null } as const;
  if (!inForce) {
    return finish(
      {
        ...base,
        state: "missing",
        shownVersion: null,
        outdatedSince: null,
        evidence: "none",
        problem: "no version of the statement is in force yet",
      },
      read,
    );
  }

  /** A page that shows `version`: current, outdated (since when the next version took effect), or ahead. */
  const shows = (version: VersionSummary, evidence: SiteEvidence, problem: string | null): SiteFinding => {
    if (version.number < inForce.number) {
      const replacedAt = versions
        .filter((v) => v.number > version.number && Date.parse(v.effectiveFrom) <= now.getTime())
        .map((v) => v.effectiveFrom)
        .sort()[0];
      return finish(
        {
          ...base,
          state: "outdated",
          shownVersion: version.number,
          outdatedSince: replacedAt ?? inForce.effectiveFrom,
          evidence,
          problem,
        },
        read,
      );
    }
    const ahead =
      version.number > inForce.number
        ? `shows version ${version.number}, which takes effect on ${version.effectiveFrom}`
        : null;
    const remark = [ahead, problem].filter(Boolean).join("; ") || null;
    return finish(
      {
        ...base,
        state: "current",
        shownVersion: version.number,
        outdatedSince: null,
        evidence,
        problem: remark,
      },
      read,
    );
  };
  const languageRemark = (language: Language | null): string | null =>
    language && language !== subject.language
      ? `shown in "${language}", watched as "${subject.language}"`
      : null;

  let page: TextIndex | null = null;
  const pageWords = (): TextIndex => (page ??= indexText(readPageText(read.text, read.contentType)));
  const fits: { fit: VersionFit; text: VersionText }[] = [];
  const fitOf = (text: VersionText) => {
    const fit = fitVersion(pageWords(), text);
    fits.push({ fit, text });
    return fit;
  };

  // 1. The marker, or the content hash an older rendering shows.
  const html = read.text;
  const evidence = readEvidence(html, read.url, subject);
  const claimed = versions.flatMap(
    (version): { version: VersionSummary; evidence: "marker" | "hash"; language: Language | null }[] => {
      const marker = evidence.markers.find((m) => m.hash === version.contentHash);
      if (marker) return [{ version, evidence: "marker", language: marker.language }];
      return html.includes(version.contentHash) ? [{ version, evidence: "hash", language: null }] : [];
    },
  );
  const claim = preferred(claimed, inForce);
  if (claim) {
    const language = claim.language ?? subject.language;
    const text = await texts.version(claim.version.number, language);
    if (text && fitOf(text).exact) return shows(claim.version, claim.evidence, languageRemark(text.language));
  }

  // 2. A link, iframe or web component: the version its address serves.
  const references = evidence.references.flatMap((ref) => {
    const version = resolveReference(ref, versions, now.getTime());
    return version ? [{ ...ref, version }] : [];
  });
  const reference = preferred(references, inForce);
  if (reference) return shows(reference.version, reference.kind, languageRemark(reference.language));

  // 3. The text, against the latest versions in the page's language, the one in force first.
  const recent = await texts.recent(subject.language);
  const ordered = [
    ...recent.filter((t) => t.number === inForce.number),
    ...recent.filter((t) => t.number !== inForce.number),
  ];
  for (const text of ordered) {
    if (fits.some((f) => f.text.number === text.number && f.text.language === text.language)) continue;
    const version = versions.find((v) => v.number === text.number);
    if (version && fitOf(text).exact) return shows(version, "text", null);
  }
  const closest = fits.reduce<(typeof fits)[number] | null>(
    (best, f) => (!best || f.fit.similarity > best.fit.similarity ? f : best),
    null,
  );
  if (closest && closest.fit.similarity >= MODIFIED_MIN_SIMILARITY) {
    let against = fits.find((f) => f.text.number === inForce.number) ?? null;
    if (!against) {
      const text = await texts.version(inForce.number, subject.language);
      against = text ? { fit: fitOf(text), text } : closest;
    }
    return finish(
      {
        ...base,
        state: "modified",
        shownVersion: closest.fit.number,
        outdatedSince: null,
        evidence: claim ? claim.evidence : "text",
        similarity: Number(closest.fit.similarity.toFixed(4)),
        problem: null,
        difference: describeDifference(pageWords(), against.fit, against.text),
      },
      read,
    );
  }
  if (read.truncated) {
    return finish(
      {
        ...base,
        state: "unreachable",
        shownVersion: null,
        outdatedSince: null,
        evidence: "none",
        problem: "the page is larger than 2 MB; its first 2 MB show no statement",
      },
      read,
    );
  }
  return finish(
    {
      ...base,
      state: "missing",
      shownVersion: null,
      outdatedSince: null,
      evidence: "none",
      problem: MISSING[subject.display],
    },
    read,
  );
}
