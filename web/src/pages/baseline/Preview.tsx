// The live preview: the baseline being edited, resolved for one company with the same shared
// engine that publishes, rendered as the HTML fragment companies embed. Everything the engine
// writes is escaped by construction, so it goes into the page as HTML; no styles come with it.
import {
  createEffect,
  createMemo,
  onCleanup,
  createSignal,
  ErrorBoundary,
  For,
  Show,
  Suspense,
} from "solid-js";
import { createAsync } from "@solidjs/router";
import { renderHtmlFragment, resolveStatement } from "#shared/engine.ts";
import type { Baseline, Group, Language, TenantContent } from "#shared/model.ts";
import type { ResolvedStatement } from "#shared/statement.ts";
import { asApiError } from "../../api.ts";
import { language, t } from "../../i18n.ts";
import { getDraft } from "../company/data.ts";
import { CompanyPicker } from "../../components/CompanyPicker.tsx";
import { getGroup, getTenantsPage } from "../group/group-data.ts";
import { describeError } from "../company/labels.ts";
import { followSection, stopFollowing } from "../../components/follow-section.ts";
import { describeProblem, LANGUAGE_WORDS } from "./texts.ts";

interface PreviewProps {
  group: string;
  baseline: () => Baseline;
  /** The key of the section being edited: the preview scrolls to it and marks it. */
  following: () => string | null;
}

export function Preview(props: PreviewProps) {
  // The group as publishing renders it ({{group.members}} names its companies, or links to their
  // page in a large group), and the first page of companies for the first one to preview.
  const groupInfo = createAsync(() => getGroup(props.group));
  const firstPage = createAsync(() => getTenantsPage(props.group, undefined));
  const [chosen, setChosen] = createSignal<{ slug: string; name: string } | null>(null);
  const company = () => {
    const first = firstPage()?.tenants.find((c) => c.status === "active") ?? firstPage()?.tenants[0];
    return chosen() ?? (first ? { slug: first.slug, name: first.name } : null);
  };
  const [previewLanguage, setPreviewLanguage] = createSignal<Language>("nl");

  // Both languages can be previewed, whichever the group publishes in.
  const group = (): Group | undefined => {
    const info = groupInfo();
    return info && { ...info, languages: ["nl", "en"], defaultLanguage: "nl" };
  };

  const companyName = () => company()?.name ?? "";

  return (
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t("Voorbeeld", "Preview")}</h2>
      <p class="hint">
        {t(
          "Zo ziet de verklaring eruit met jouw wijzigingen, ook voordat je opslaat. Bedrijven zien dit pas nadat je publiceert.",
          "This is the statement with your changes, even before you save. Companies see it only after you publish.",
        )}
      </p>
      <div class="preview-controls">
        <div class="field">
          <label for="preview-company">{t("Bedrijf", "Company")}</label>
          <CompanyPicker
            id="preview-company"
            group={props.group}
            value={company()?.slug ?? ""}
            onChange={(slug, name) => setChosen(slug ? { slug, name: name ?? slug } : null)}
            searchLabel={t("Zoek het bedrijf (naam of adres)", "Find the company (name or address)")}
          />
        </div>
        <fieldset class="inline-choice">
          <legend>{t("Taal van het voorbeeld", "Preview language")}</legend>
          <For each={["nl", "en"] as const}>
            {(lang) => (
              <label>
                <input
                  type="radio"
                  name="preview-language"
                  value={lang}
                  checked={previewLanguage() === lang}
                  onChange={() => setPreviewLanguage(lang)}
                />{" "}
                {t(LANGUAGE_WORDS[lang].nl, LANGUAGE_WORDS[lang].en)}
              </label>
            )}
          </For>
        </fieldset>
      </div>

      {/* Another company is a fresh preview: its own loading, its own failure. */}
      <Show when={group() && company()?.slug} keyed>
        {(slug) => (
          <ErrorBoundary
            fallback={(error: unknown) => (
              <p role="alert" class="notice error">
                {t(
                  `Het concept van ${companyName()} kon niet worden geladen: `,
                  `${companyName()}'s draft could not be loaded: `,
                )}
                {describeError(asApiError(error))}
              </p>
            )}
          >
            <Suspense fallback={<p class="loading">{t("Voorbeeld laden…", "Loading preview…")}</p>}>
              <CompanyPreview
                group={props.group}
                groupInfo={group()!}
                slug={slug}
                companyName={companyName()}
                baseline={props.baseline}
                language={previewLanguage()}
                following={props.following}
              />
            </Suspense>
          </ErrorBoundary>
        )}
      </Show>
    </section>
  );
}

/** The baseline resolved for one company's draft and rendered; its problems listed above it. */
function CompanyPreview(props: {
  group: string;
  groupInfo: Group;
  slug: string;
  companyName: string;
  baseline: () => Baseline;
  language: Language;
  following: () => string | null;
}) {
  const draft = createAsync(() => getDraft(props.group, props.slug));
  return <Show when={draft()}>{(loaded) => <Rendered {...props} content={loaded().content} />}</Show>;
}

function Rendered(props: {
  groupInfo: Group;
  slug: string;
  companyName: string;
  baseline: () => Baseline;
  language: Language;
  content: TenantContent;
  following: () => string | null;
}) {
  let documentBox: HTMLDivElement | undefined;
  // After every rendering and every change of the section being edited: mark it, and scroll the
  // preview to it only when it is another section than before.
  let followed: string | null = null;
  onCleanup(stopFollowing);
  createEffect(() => {
    result();
    const key = props.following();
    queueMicrotask(() => followSection(documentBox, key, key !== followed));
    followed = key;
  });
  const result = createMemo((): { statement: ResolvedStatement; html: string } | { error: string } => {
    try {
      const statement = resolveStatement(
        props.baseline(),
        { group: props.groupInfo, slug: props.slug, content: props.content },
        props.language,
      );
      return { statement, html: renderHtmlFragment(statement, null) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
  const failure = () => {
    const r = result();
    return "error" in r ? r.error : null;
  };
  const rendered = () => {
    const r = result();
    return "error" in r ? null : r;
  };
  return (
    <>
      <Show when={failure()}>
        <p role="alert" class="notice error">
          {t("Het voorbeeld kan nu niet worden gemaakt: ", "The preview cannot be made right now: ")}
          {failure()}
        </p>
      </Show>
      <Show when={rendered()}>
        {(view) => (
          <>
            <div class="preview-problems" aria-live="polite">
              <h3 id="preview-problems-title">
                {t("Wat nog niet klopt voor ", "What is not right yet for ")}
                {props.companyName}
              </h3>
              <Show
                when={view().statement.problems.length > 0}
                fallback={<p class="ok">{t("Geen problemen gevonden.", "No problems found.")}</p>}
              >
                <ul aria-labelledby="preview-problems-title">
                  <For each={view().statement.problems}>
                    {(problem) => <li>{describeProblem(problem, props.companyName, language())}</li>}
                  </For>
                </ul>
              </Show>
            </div>
            <div
              class="preview-document"
              role="region"
              aria-label={t(
                `Voorbeeld van de verklaring van ${props.companyName}`,
                `Preview of ${props.companyName}'s statement`,
              )}
              lang={props.language}
              tabindex="0"
              ref={documentBox}
              innerHTML={view().html}
            />
          </>
        )}
      </Show>
    </>
  );
}
