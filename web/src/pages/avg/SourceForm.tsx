// The text to import: a file read in the browser (File.text()) or pasted text, and its format —
// recognised from the text itself by default; the extension or a choice is a hint the server
// overrules when the text clearly is Markdown or HTML.
import { createSignal, For, Show } from "solid-js";
import type { ImportFormatHint } from "#shared/import/detect.ts";
import { t } from "../../i18n.ts";

/** The API's limit on the text (ImportSchema). */
export const MAX_TEXT = 200_000;

export interface Source {
  text: string;
  format: ImportFormatHint;
  /** The file the text came from, if any (for the message only). */
  fileName: string | null;
}

const FORMATS: { value: ImportFormatHint; nl: string; en: string }[] = [
  { value: "auto", nl: "Herken het zelf (aanbevolen)", en: "Recognise it (recommended)" },
  { value: "text", nl: "Platte tekst (.txt)", en: "Plain text (.txt)" },
  { value: "markdown", nl: "Markdown (.md)", en: "Markdown (.md)" },
  { value: "html", nl: "HTML (.html)", en: "HTML (.html)" },
];

/** The format a file's extension says, or null when it says nothing we read. */
export function formatFromName(name: string): ImportFormatHint | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === "txt" || extension === "text") return "text";
  if (extension === "md" || extension === "markdown") return "markdown";
  if (extension === "html" || extension === "htm" || extension === "xhtml") return "html";
  return null;
}

const UNREADABLE = /\.(docx?|pdf|odt|rtf|pages|xlsx?|zip)$/i;

/**
 * An HTML page too long to send: the main text only (scripts, styles and the page's head and
 * navigation left out). DOMParser builds an inert document; nothing in it runs.
 */
function mainTextOfPage(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  doc
    .querySelectorAll("script, style, noscript, template, svg, iframe, nav, header, footer")
    .forEach((el) => el.remove());
  return (doc.querySelector("main, article, [role=main]") ?? doc.body).innerHTML.trim();
}

const number = (n: number): string => n.toLocaleString("nl-NL");

export function SourceForm(props: {
  name: string;
  source: Source;
  onChange: (source: Source) => void;
  busy: boolean;
  /** An error from the API (shown in the alert region). */
  error: string;
  onSubmit: (source: Source) => void;
}) {
  const [fileNote, setFileNote] = createSignal("");
  const [fieldError, setFieldError] = createSignal("");
  const [reading, setReading] = createSignal(false);
  let textarea: HTMLTextAreaElement | undefined;
  let fileInput: HTMLInputElement | undefined;

  const set = (patch: Partial<Source>) => props.onChange({ ...props.source, ...patch });

  const onFile = async (file: File | undefined) => {
    setFieldError("");
    setFileNote("");
    if (!file) return;
    if (UNREADABLE.test(file.name)) {
      setFieldError(
        t(
          `${file.name} is geen tekstbestand. Sla de verklaring op als tekst (.txt), Markdown (.md) of HTML (.html), of kopieer de tekst en plak hem hieronder.`,
          `${file.name} is not a text file. Save the statement as text (.txt), Markdown (.md) or HTML (.html), or copy the text and paste it below.`,
        ),
      );
      return;
    }
    setReading(true);
    try {
      let text = await file.text();
      if (text.includes("\u0000")) {
        setFieldError(
          t(
            `${file.name} lijkt geen tekstbestand te zijn. Kies een .txt-, .md- of .html-bestand, of plak de tekst hieronder.`,
            `${file.name} does not look like a text file. Choose a .txt, .md or .html file, or paste the text below.`,
          ),
        );
        return;
      }
      const detected = formatFromName(file.name);
      const format = detected ?? props.source.format;
      let note = detected
        ? t(
            `${file.name} gelezen (${number(text.length)} tekens); opmaak herkend aan de extensie: ${FORMATS.find((f) => f.value === detected)!.nl}.`,
            `Read ${file.name} (${number(text.length)} characters); format recognised from the extension: ${FORMATS.find((f) => f.value === detected)!.en}.`,
          )
        : t(
            `${file.name} gelezen (${number(text.length)} tekens). De extensie zegt niet welke opmaak het is: kies die hieronder.`,
            `Read ${file.name} (${number(text.length)} characters). The extension does not say which format it is: choose it below.`,
          );
      if (format === "html" && text.length > MAX_TEXT) {
        const main = mainTextOfPage(text);
        if (main.length < text.length) {
          text = main;
          note += t(
            ` De pagina is te lang; alleen de hoofdtekst is genomen (${number(text.length)} tekens).`,
            ` The page is too long; only its main text was taken (${number(text.length)} characters).`,
          );
        }
      }
      props.onChange({ text, format, fileName: file.name });
      setFileNote(note);
    } catch {
      setFieldError(
        t(
          `${file.name} kon niet worden gelezen. Probeer het opnieuw of plak de tekst hieronder.`,
          `${file.name} could not be read. Try again or paste the text below.`,
        ),
      );
    } finally {
      setReading(false);
    }
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (props.busy || reading()) return;
    const text = props.source.text;
    if (text.trim() === "") {
      setFieldError(
        t(
          "Kies een bestand of plak de tekst van de privacyverklaring.",
          "Choose a file or paste the text of the privacy statement.",
        ),
      );
      textarea?.focus();
      return;
    }
    if (text.length > MAX_TEXT) {
      setFieldError(
        t(
          `De tekst is ${number(text.length)} tekens lang; er passen er ${number(MAX_TEXT)}. Importeer alleen de privacyverklaring zelf.`,
          `The text is ${number(text.length)} characters long; at most ${number(MAX_TEXT)} fit. Import only the privacy statement itself.`,
        ),
      );
      textarea?.focus();
      return;
    }
    setFieldError("");
    props.onSubmit(props.source);
  };

  return (
    <section class="import-source" aria-labelledby="source-title">
      <h2 id="source-title">{t("1. De tekst", "1. The text")}</h2>
      <p>
        {t(
          `Heeft ${props.name} al een privacyverklaring? Importeer de tekst: Verklaring stelt per stuk voor waar het in het concept komt. Jij controleert het voorstel; pas als je het overneemt, verandert het concept. Er wordt niets gepubliceerd.`,
          `Does ${props.name} already have a privacy statement? Import its text: Verklaring proposes where each part goes in the draft. You review the proposal; only when you accept it does the draft change. Nothing is published.`,
        )}
      </p>
      <form class="import-form" onSubmit={submit} novalidate aria-busy={props.busy || reading()}>
        <div class="field">
          <label for="import-file">{t("Bestand kiezen", "Choose a file")}</label>
          <p id="import-file-hint" class="hint">
            {t(
              "Een .txt-, .md- of .html-bestand. Het wordt in je browser gelezen en komt in het tekstvak hieronder.",
              "A .txt, .md or .html file. It is read in your browser and put in the text box below.",
            )}
          </p>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,text/plain,text/markdown,text/html"
            aria-describedby="import-file-hint import-file-note"
            onChange={(event) => void onFile(event.currentTarget.files?.[0])}
          />
          <p id="import-file-note" class="hint import-file-note" aria-live="polite">
            {reading() ? t("Bestand wordt gelezen…", "Reading the file…") : fileNote()}
          </p>
        </div>

        <div class="field" classList={{ invalid: !!fieldError() }}>
          <label for="import-text">
            {t("Tekst van de privacyverklaring", "Text of the privacy statement")}
          </label>
          <p id="import-text-hint" class="hint">
            {t(
              `Of plak de tekst hier. Koppen op een eigen regel worden secties. ${number(props.source.text.length)} van ${number(MAX_TEXT)} tekens.`,
              `Or paste the text here. Headings on a line of their own become sections. ${number(props.source.text.length)} of ${number(MAX_TEXT)} characters.`,
            )}
          </p>
          <textarea
            ref={textarea}
            id="import-text"
            rows="14"
            spellcheck={false}
            value={props.source.text}
            aria-invalid={fieldError() ? "true" : undefined}
            aria-describedby={fieldError() ? "import-text-hint import-text-error" : "import-text-hint"}
            onInput={(event) => {
              set({ text: event.currentTarget.value });
              if (fieldError()) setFieldError("");
            }}
          />
          <Show when={fieldError()}>
            <p id="import-text-error" class="field-error">
              {fieldError()}
            </p>
          </Show>
        </div>

        <fieldset class="import-formats" aria-describedby="import-formats-hint">
          <legend>{t("Opmaak van de tekst", "Format of the text")}</legend>
          <p id="import-formats-hint" class="hint">
            {t(
              "Markdown en HTML worden ook herkend als je iets anders kiest; je ziet in het voorstel wat er is herkend.",
              "Markdown and HTML are recognised even if you choose otherwise; the proposal shows what was recognised.",
            )}
          </p>
          <For each={FORMATS}>
            {(format) => (
              <label class="radio">
                <input
                  type="radio"
                  name="import-format"
                  value={format.value}
                  checked={props.source.format === format.value}
                  onChange={() => set({ format: format.value })}
                />{" "}
                {t(format.nl, format.en)}
              </label>
            )}
          </For>
        </fieldset>

        <p id="source-error" role="alert" class="notice error" classList={{ empty: !props.error }}>
          {props.error}
        </p>
        <p class="avg-actions">
          <button type="submit" class="primary" aria-disabled={props.busy || reading()}>
            {props.busy
              ? t("Voorstel wordt gemaakt…", "Making the proposal…")
              : t("Voorstel maken", "Make a proposal")}
          </button>
          <Show when={props.source.text !== ""}>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                props.onChange({ text: "", format: props.source.format, fileName: null });
                setFileNote("");
                setFieldError("");
                if (fileInput) fileInput.value = "";
                textarea?.focus();
              }}
            >
              {t("Tekst wissen", "Clear the text")}
            </button>
          </Show>
        </p>
      </form>
    </section>
  );
}
