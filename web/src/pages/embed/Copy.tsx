// Copy buttons and the code blocks they copy from. One polite live region per page tells screen
// reader users what was copied; the button itself says so for a moment too.
import { createSignal, onCleanup, type JSX } from "solid-js";
import { t } from "../../i18n.ts";

const [announcement, setAnnouncement] = createSignal("");

/** The page's single status region for copy results; render it once. */
export function CopyAnnouncer() {
  onCleanup(() => setAnnouncement(""));
  return (
    <p role="status" class="visually-hidden">
      {announcement()}
    </p>
  );
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No permission (some embedded browsers) or not a secure context: the old way still works there.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "copy-offscreen";
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

interface CopyButtonProps {
  text: string;
  /** What is copied, for screen readers: "adres van de pagina". */
  what: string;
  /** Selected when copying fails, so the user can press Ctrl+C instead. */
  selectOnFailure?: () => HTMLElement | undefined;
  class?: string;
}

export function CopyButton(props: CopyButtonProps) {
  const [state, setState] = createSignal<"idle" | "copied" | "failed">("idle");
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const copy = async () => {
    clearTimeout(timer);
    const copied = await writeClipboard(props.text);
    setState(copied ? "copied" : "failed");
    if (copied) {
      setAnnouncement(t(`Gekopieerd: ${props.what}.`, `Copied: ${props.what}.`));
    } else {
      const target = props.selectOnFailure?.();
      if (target) window.getSelection()?.selectAllChildren(target);
      setAnnouncement(
        t(
          "Kopiëren lukte niet. De tekst is geselecteerd: kopieer hem met Ctrl+C (Cmd+C op een Mac).",
          "Copying did not work. The text is selected: copy it with Ctrl+C (Cmd+C on a Mac).",
        ),
      );
    }
    timer = setTimeout(() => setState("idle"), 2500);
  };

  return (
    <button type="button" class={`copy ${props.class ?? ""}`} onClick={copy} data-state={state()}>
      {state() === "copied"
        ? t("Gekopieerd", "Copied")
        : state() === "failed"
          ? t("Selecteer en kopieer zelf", "Select and copy yourself")
          : t("Kopiëren", "Copy")}
      <span class="visually-hidden">: {props.what}</span>
    </button>
  );
}

interface SnippetProps {
  id: string;
  title: string;
  code: string;
  /** What is copied, for screen readers. */
  what?: string;
  children?: JSX.Element;
}

/** A titled code block with its copy button; long lines wrap, so nothing scrolls sideways. */
export function Snippet(props: SnippetProps) {
  let code: HTMLElement | undefined;
  return (
    <figure class="snippet" aria-labelledby={`${props.id}-title`}>
      <div class="snippet-head">
        <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
        <CopyButton text={props.code} what={props.what ?? props.title} selectOnFailure={() => code} />
      </div>
      {props.children}
      <pre id={props.id}>
        <code ref={code}>{props.code}</code>
      </pre>
    </figure>
  );
}
