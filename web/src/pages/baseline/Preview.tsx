// The live preview: the baseline being edited, resolved for one company with the same shared
// engine that publishes, rendered as the HTML fragment companies embed. Everything the engine
// writes is escaped by construction, so it goes into the page as HTML; no styles come with it.
import { createMemo, createResource, createSignal, For, Show } from "solid-js";
import { renderHtmlFragment, resolveStatement } from "#shared/engine.ts";
import type { Baseline, Group, Language } from "#shared/model.ts";
import type { ResolvedStatement } from "#shared/statement.ts";
import { api, readJson } from "../../api.ts";
import { language, t } from "../../i18n.ts";
import { describeProblem, LANGUAGE_WORDS } from "./texts.ts";

interface PreviewProps {
  group: string;
  groupName: string;
  companies: { slug: string; name: string }[];
  baseline: () => Baseline;
}

async function loadCompanyDraft(source: { group: string; tenant: string }) {
  const response = await api.api.groups[":group"].tenants[":tenant"].draft.$get({
    param: { group: source.group, tenant: source.tenant },
  });
  return readJson(response);
}

export function Preview(props: PreviewProps) {
  const [company, setCompany] = createSignal(props.companies[0]?.slug ?? "");
  const [previewLanguage, setPreviewLanguage] = createSignal<Language>("nl");
  const [draft] = createResource(
    () => (company() ? { group: props.group, tenant: company() } : null),
    loadCompanyDraft,
  );

  const group = (): Group => ({
    slug: props.group,
    name: props.groupName,
    languages: ["nl", "en"],
    defaultLanguage: "nl",
    members: props.companies.map((c) => ({ slug: c.slug, name: c.name })),
  });

  const result = createMemo((): { statement: ResolvedStatement; html: string } | { error: string } | null => {
    // Only a loaded draft is read, so the page never waits (Suspense) for the preview.
    const current = draft.state === "ready" || draft.state === "refreshing" ? draft.latest : undefined;
    if (!current) return null;
    try {
      const statement = resolveStatement(
        props.baseline(),
        { group: group(), slug: current.tenant.slug, content: current.content },
        previewLanguage(),
      );
      return { statement, html: renderHtmlFragment(statement, null) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });

  const failure = () => {
    const r = result();
    return r && "error" in r ? r.error : null;
  };
  const rendered = () => {
    const r = result();
    return r && !("error" in r) ? r : null;
  };

  const companyName = () => props.companies.find((c) => c.slug === company())?.name ?? company();

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
          <select id="preview-company" onChange={(e) => setCompany(e.currentTarget.value)}>
            <For each={props.companies}>
              {(c) => (
                <option value={c.slug} selected={c.slug === company()}>
                  {c.name}
                </option>
              )}
            </For>
          </select>
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

      <Show when={draft.error}>
        <p role="alert" class="notice error">
          {t(
            `Het concept van ${companyName()} kon niet worden geladen: `,
            `${companyName()}'s draft could not be loaded: `,
          )}
          {(draft.error as Error)?.message}
        </p>
      </Show>
      <Show when={draft.state === "pending" || draft.state === "unresolved"}>
        <p class="loading">{t("Voorbeeld laden…", "Loading preview…")}</p>
      </Show>
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
                {companyName()}
              </h3>
              <Show
                when={view().statement.problems.length > 0}
                fallback={<p class="ok">{t("Geen problemen gevonden.", "No problems found.")}</p>}
              >
                <ul aria-labelledby="preview-problems-title">
                  <For each={view().statement.problems}>
                    {(problem) => <li>{describeProblem(problem, companyName(), language())}</li>}
                  </For>
                </ul>
              </Show>
            </div>
            <div
              class="preview-document"
              role="region"
              aria-label={t(
                `Voorbeeld van de verklaring van ${companyName()}`,
                `Preview of ${companyName()}'s statement`,
              )}
              lang={previewLanguage()}
              tabindex="0"
              innerHTML={view().html}
            />
          </>
        )}
      </Show>
    </section>
  );
}
