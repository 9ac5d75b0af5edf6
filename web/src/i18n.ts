// The console's language: Dutch first, English second, remembered in this browser.
import { createSignal } from "solid-js";

export type UiLanguage = "nl" | "en";

const STORAGE_KEY = "verklaring.language";

function readStoredLanguage(): UiLanguage {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "nl";
  } catch {
    return "nl";
  }
}

const [language, setLanguageSignal] = createSignal<UiLanguage>(readStoredLanguage());

export { language };

export function setLanguage(next: UiLanguage): void {
  setLanguageSignal(next);
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** The text in the current language; reactive when called inside JSX or an effect. */
export const t = (nl: string, en: string): string => (language() === "en" ? en : nl);

document.documentElement.lang = language();
