// <privacy-statement>: a company's published privacy statement from Verklaring, on any website.
//
//   <script type="module" src="https://VERKLARING/embed.js"></script>
//   <privacy-statement group="conxillium" company="jcc-software" lang="nl">
//     <a href="https://VERKLARING/v1/statements/conxillium/jcc-software">Privacyverklaring</a>
//   </privacy-statement>
//
// Hand-written, no build step and no dependencies, because website owners load it as is. It must
// be a module script: import.meta.url tells it where Verklaring lives (override with src-base).
// It works under a strict Content-Security-Policy on the host page: it needs script-src and
// connect-src for the Verklaring origin, nothing else. The statement is parsed without running
// scripts and shown in a shadow root; its styles are a constructed stylesheet (adoptedStyleSheets),
// which style-src does not govern, so style-src 'none' is fine. Pages with Trusted Types enforced
// must allow the policy name "verklaring-embed".

const SCRIPT_BASE = new URL(".", import.meta.url).href.replace(/\/+$/, "");
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LANGUAGE = /^[a-z]{2}$/;

const TEXT = {
  nl: { read: "Lees de privacyverklaring", failed: "De privacyverklaring kon hier niet worden geladen." },
  en: { read: "Read the privacy statement", failed: "The privacy statement could not be loaded here." },
};

// Plain defaults that take the host page's font and colours; hosts adjust them with the custom
// properties below or with ::part(). Sizes are in em so the statement follows the host's text size.
const CSS = `
:host{display:block;container-type:inline-size;--_rule:var(--privacy-statement-rule,color-mix(in srgb,currentColor 25%,transparent));--_link:var(--privacy-statement-link,LinkText);--_muted:var(--privacy-statement-muted,color-mix(in srgb,currentColor 72%,transparent));--_mark:var(--privacy-statement-mark,#ffe58f)}
:host([hidden]){display:none}
article{max-width:var(--privacy-statement-max-width,none)}
h1{font-size:1.75em;line-height:1.2;margin:0 0 1em;overflow-wrap:break-word}
h2{font-size:1.3em;line-height:1.3;margin:2em 0 .6em;overflow-wrap:break-word}
p,ul,ol,table,dl{margin:0 0 1em}
ul,ol{padding-left:1.5em}
li{margin:.25em 0}
a{color:var(--_link);text-underline-offset:.15em;overflow-wrap:anywhere}
:focus-visible{outline:2px solid currentColor;outline-offset:2px}
nav{border:1px solid var(--_rule);border-radius:.5em;padding:1em 1.25em .25em;margin:0 0 2em}
nav h2{font-size:1em;margin:0 0 .5em}
.vk-table{overflow-x:auto;margin:0 0 1em}
.vk-table table{margin:0}
table{width:100%;border-collapse:collapse;font-size:.9375em}
th,td{text-align:left;vertical-align:top;padding:.5em 1em .5em 0;border-bottom:1px solid var(--_rule)}
td{min-width:5.5em}
th{font-weight:600}
mark{background:var(--_mark);color:#1b1b1b;padding:0 .2em;border-radius:.2em}
footer{margin-top:3em;padding-top:1em;border-top:1px solid var(--_rule);color:var(--_muted);font-size:.9375em}
footer dl{display:grid;grid-template-columns:max-content 1fr;gap:.25em 1em}
footer dd{margin:0;min-width:0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875em;word-break:break-all}
@container (max-width:30rem){footer dl{grid-template-columns:1fr}footer dd{margin-bottom:.5em}}
`;

// Names a host page can style with privacy-statement::part(<name>).
const PARTS = [
  ["article", "statement"],
  ["h1", "title"],
  ["nav", "contents"],
  ["section", "section"],
  ["h2", "heading"],
  ["table", "table"],
  ["footer", "footer"],
  ["a", "link"],
];

// Not expected in a fragment (the engine writes none of these); removed anyway, so a fault
// upstream cannot reach the host page.
const UNWANTED = "script,style,link,meta,base,iframe,frame,object,embed,form,template,noscript";

let sheet = null;
function defaultSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

let policy;
function trusted(html) {
  if (policy === undefined) {
    policy = null;
    try {
      policy = globalThis.trustedTypes?.createPolicy("verklaring-embed", { createHTML: (s) => s }) ?? null;
    } catch {
      // The host's trusted-types directive does not list our name; parsing works if it is not enforced.
    }
  }
  return policy ? policy.createHTML(html) : html;
}

/** The statement's nodes, parsed in a detached document: scripts in it are never run. */
function parseStatement(html) {
  const doc = new DOMParser().parseFromString(trusted(html), "text/html");
  for (const el of doc.body.querySelectorAll(UNWANTED)) el.remove();
  for (const el of doc.body.querySelectorAll("*")) {
    for (const { name } of [...el.attributes]) {
      if (name === "style" || name.startsWith("on")) el.removeAttribute(name);
    }
    if (el.hasAttribute("href") && !/^(https?:|mailto:|tel:|#)/i.test(el.getAttribute("href"))) {
      el.removeAttribute("href");
    }
  }
  for (const [selector, part] of PARTS) {
    for (const el of doc.body.querySelectorAll(selector)) el.part.add(part);
  }
  return [...doc.body.childNodes];
}

class PrivacyStatement extends HTMLElement {
  static observedAttributes = ["group", "company", "lang", "src-base"];

  #root;
  #controller = null;
  #loaded = "";
  #scheduled = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#root.adoptedStyleSheets = [defaultSheet()];
    this.#root.addEventListener("click", (event) => this.#followContentsLink(event));
  }

  connectedCallback() {
    this.#schedule();
  }

  disconnectedCallback() {
    this.#controller?.abort();
    this.#controller = null;
    this.#loaded = "";
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#schedule();
  }

  /** Reloads the statement now; otherwise the browser's HTTP cache decides (ETag revalidation). */
  reload() {
    this.#loaded = "";
    this.#schedule();
  }

  // A framework often sets several attributes in a row: one fetch for all of them.
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#load();
    });
  }

  #target() {
    const group = this.getAttribute("group") ?? "";
    const company = this.getAttribute("company") ?? "";
    if (!SLUG.test(group) || !SLUG.test(company)) return null;
    const lang = (this.getAttribute("lang") ?? "").toLowerCase();
    const language = LANGUAGE.test(lang) ? lang : "";
    let base = SCRIPT_BASE;
    const custom = this.getAttribute("src-base");
    if (custom && URL.canParse(custom)) {
      const url = new URL(custom);
      if (url.protocol === "https:" || url.protocol === "http:") base = `${url.origin}${url.pathname}`;
    }
    const page = `${base.replace(/\/+$/, "")}/v1/statements/${group}/${company}`;
    return {
      fragment: `${page}?fragment${language ? `&lang=${language}` : ""}`,
      page: `${page}${language ? `?lang=${language}` : ""}`,
      text: TEXT[language] ?? TEXT.nl,
    };
  }

  #load() {
    const target = this.#target();
    const key = target ? target.fragment : "";
    if (key !== "" && key === this.#loaded) return;
    this.#controller?.abort();
    this.#controller = null;
    this.#loaded = key;
    if (!target) {
      this.#showFallback(null, true);
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    this.#showFallback(target, false);
    this.setAttribute("aria-busy", "true");
    fetch(target.fragment, { signal: controller.signal, credentials: "omit" })
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} from ${target.fragment}`);
        return response.text().then((html) => ({ html, language: response.headers.get("Content-Language") }));
      })
      .then(({ html, language }) => {
        if (controller !== this.#controller) return;
        this.#controller = null;
        this.removeAttribute("aria-busy");
        this.#root.replaceChildren(...parseStatement(html));
        const marker = this.#mark();
        this.dispatchEvent(
          new CustomEvent("privacy-statement-load", {
            bubbles: true,
            detail: { url: target.fragment, language, ...marker },
          }),
        );
      })
      .catch((error) => {
        if (controller !== this.#controller) return;
        this.#controller = null;
        this.#loaded = "";
        this.removeAttribute("aria-busy");
        this.#showFallback(target, true);
        this.dispatchEvent(
          new CustomEvent("privacy-statement-error", {
            bubbles: true,
            detail: { url: target.fragment, message: String(error?.message ?? error) },
          }),
        );
      });
  }

  // Which version is shown, on the element itself (data-verklaring-version, data-verklaring-hash),
  // as the fragment's article carries it: a page inspected in a browser, or by a monitoring tool
  // that renders it, tells the version its statement is. A fragment published before the marker
  // existed shows the same in its footer (version first, the content hash in <code>).
  #mark() {
    const article = this.#root.querySelector("article");
    const footer = article?.querySelector("footer");
    const version =
      article?.getAttribute("data-verklaring-version") ??
      /^\d+$/.exec(footer?.querySelector("dd")?.textContent?.trim() ?? "")?.[0] ??
      null;
    const hash =
      article?.getAttribute("data-verklaring-hash") ??
      /^[0-9a-f]{64}$/.exec(footer?.querySelector("code")?.textContent?.trim() ?? "")?.[0] ??
      null;
    for (const [name, value] of [
      ["data-verklaring-version", version],
      ["data-verklaring-hash", hash],
    ]) {
      if (value) this.setAttribute(name, value);
      else this.removeAttribute(name);
    }
    return { version: version === null ? null : Number(version), hash };
  }

  // The host's own children (slotted) win over our link, so a page can write its own fallback.
  #showFallback(target, failed) {
    this.removeAttribute("data-verklaring-version");
    this.removeAttribute("data-verklaring-hash");
    const text = target?.text ?? TEXT.nl;
    const paragraph = document.createElement("p");
    paragraph.part.add(failed ? "error" : "loading");
    const slot = document.createElement("slot");
    if (target) {
      const link = document.createElement("a");
      link.href = target.page;
      link.textContent = text.read;
      link.part.add("fallback-link");
      slot.append(link);
    }
    if (failed) paragraph.append(text.failed, " ");
    paragraph.append(slot);
    this.#root.replaceChildren(paragraph);
  }

  // The contents list links to #ids inside the shadow root, which the host document cannot
  // resolve; scroll there ourselves and move focus along for keyboard and screen reader users.
  #followContentsLink(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    const link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
    if (!link) return;
    const destination = this.#root.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (!destination) return;
    event.preventDefault();
    const focusable = destination.querySelector("h2") ?? destination;
    if (!focusable.hasAttribute("tabindex")) focusable.setAttribute("tabindex", "-1");
    destination.scrollIntoView({ block: "start" });
    focusable.focus({ preventScroll: true });
  }
}

if (!customElements.get("privacy-statement")) customElements.define("privacy-statement", PrivacyStatement);
