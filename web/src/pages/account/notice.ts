// A status line that follows the language: a notice shown in Dutch reads in English once the
// person switches, instead of staying in the language of the moment it appeared.
import { createSignal } from "solid-js";

export type Notice = [text: () => string, show: (text: string | (() => string)) => void];

/** `show(() => t(nl, en))` keeps the notice translatable; `show("")` clears it. */
export function createNotice(): Notice {
  const [text, setText] = createSignal<() => string>(() => "");
  return [() => text()(), (next) => setText(() => (typeof next === "function" ? next : () => next))];
}
