// The addresses and copyable snippets for one company's statement. Pure functions of the
// Verklaring origin, the company and the language, so the page and its tests agree on them.
import { t } from "../../i18n.ts";

export interface Target {
  /** The Verklaring origin, e.g. https://verklaring.example (no trailing slash). */
  origin: string;
  group: string;
  tenant: string;
  /** The company's display name. */
  name: string;
  language: string;
}

export interface PublicUrl {
  id: string;
  label: string;
  hint: string;
  url: string;
}

const statementBase = (target: Target): string =>
  `${target.origin}/v1/statements/${target.group}/${target.tenant}`;

export const pageUrl = (target: Target): string => `${statementBase(target)}?lang=${target.language}`;
export const fragmentUrl = (target: Target): string =>
  `${statementBase(target)}?fragment&lang=${target.language}`;

/** Every public address of the statement in one language, in the order a website needs them. */
export function publicUrls(target: Target): PublicUrl[] {
  const base = statementBase(target);
  const lang = `lang=${target.language}`;
  return [
    {
      id: "page",
      label: t("Pagina (HTML)", "Page (HTML)"),
      hint: t("Om naar te linken, bijvoorbeeld in de footer.", "To link to, for example from the footer."),
      url: pageUrl(target),
    },
    {
      id: "fragment",
      label: t("Fragment (HTML zonder opmaak)", "Fragment (HTML without styling)"),
      hint: t("Om in je eigen pagina op te nemen.", "To include in your own page."),
      url: fragmentUrl(target),
    },
    {
      id: "json",
      label: "JSON",
      hint: t("Tekst en onderdelen als gegevens.", "Text and sections as data."),
      url: `${base}.json?${lang}`,
    },
    {
      id: "md",
      label: "Markdown",
      hint: t("Voor sitegeneratoren.", "For site generators."),
      url: `${base}.md?${lang}`,
    },
    {
      id: "txt",
      label: t("Platte tekst", "Plain text"),
      hint: t("Zonder opmaak.", "Without markup."),
      url: `${base}.txt?${lang}`,
    },
    {
      id: "versions",
      label: t("Versies (JSON)", "Versions (JSON)"),
      hint: t("Alle gepubliceerde versies, in elke taal.", "Every published version, in every language."),
      url: `${base}/versions`,
    },
    {
      id: "changes",
      label: t("Wat is er veranderd?", "What changed?"),
      hint: t(
        "De huidige versie vergeleken met de vorige.",
        "The current version compared with the previous one.",
      ),
      url: `${base}/changes?${lang}`,
    },
    {
      id: "feed",
      label: t("Wijzigingen (Atom-feed)", "Changes (Atom feed)"),
      hint: t("Voor feedlezers en monitoring.", "For feed readers and monitoring."),
      url: `${base}/changes.atom?${lang}`,
    },
  ];
}

const fileStem = (target: Target): string => `privacyverklaring-${target.tenant}-${target.language}`;

/** A shell script for cron: fetches the fragment only when it changed (ETag), keeps the last good copy. */
export function curlSnippet(target: Target): string {
  const stem = fileStem(target);
  return `status=$(curl -sS -o ${stem}.tmp -w '%{http_code}' \\
  --etag-compare ${stem}.etag --etag-save ${stem}.etag \\
  '${fragmentUrl(target)}')
if [ "$status" = 200 ]; then mv ${stem}.tmp ${stem}.html; else rm -f ${stem}.tmp; fi`;
}

export function phpSnippet(target: Target): string {
  const stem = fileStem(target);
  return `<?php
$url = '${fragmentUrl(target)}';
$file = sys_get_temp_dir() . '/${stem}.html';
if (!is_file($file) || filemtime($file) < time() - 300) {
    $etag = is_file("$file.etag") ? file_get_contents("$file.etag") : '';
    $newEtag = '';
    $ch = curl_init($url);
    curl_setopt_array($ch, [
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_TIMEOUT => 5,
        CURLOPT_HTTPHEADER => $etag !== '' && is_file($file) ? ["If-None-Match: $etag"] : [],
        CURLOPT_HEADERFUNCTION => function ($ch, $line) use (&$newEtag) {
            if (stripos($line, 'etag:') === 0) $newEtag = trim(substr($line, 5));
            return strlen($line);
        },
    ]);
    $body = curl_exec($ch);
    $status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
    if ($status === 200 && is_string($body)) {
        file_put_contents($file, $body);
        file_put_contents("$file.etag", $newEtag);
    } elseif ($status === 304) {
        touch($file);
    }
}
echo is_file($file)
    ? file_get_contents($file)
    : '<p><a href="${pageUrl(target)}">${escapeForHtml(t("Privacyverklaring", "Privacy statement"))}</a></p>';`;
}

export function nginxSnippet(target: Target): string {
  const host = new URL(target.origin).host;
  return `# ${t("In het http-blok", "In the http block")}:
proxy_cache_path /var/cache/nginx/verklaring keys_zone=verklaring:1m max_size=10m;

# ${t("In het server-blok", "In the server block")}:
location = /_privacyverklaring {
    internal;
    proxy_pass ${fragmentUrl(target)};
    proxy_set_header Host ${host};
    proxy_ssl_server_name on;
    proxy_cache verklaring;
    proxy_cache_revalidate on;
    proxy_cache_use_stale error timeout updating http_500 http_502 http_503 http_504;
}
location = /privacy {
    ssi on;
    # ${t("…je gewone configuratie voor deze pagina", "…your usual configuration for this page")}
}

<!-- ${t("In de pagina", "In the page")}: -->
<!--# include virtual="/_privacyverklaring" -->`;
}

export function iframeSnippet(target: Target): string {
  const title = t(`Privacyverklaring van ${target.name}`, `Privacy statement of ${target.name}`);
  return `<iframe
  src="${statementBase(target)}.html?lang=${target.language}"
  title="${escapeForHtml(title)}"
  class="privacy-statement-frame"
  width="800" height="900"
  loading="lazy"></iframe>`;
}

export const iframeCss = `.privacy-statement-frame {
  width: 100%;
  height: 80vh;
  border: 0;
}`;

export function componentSnippet(target: Target): string {
  const linkText = t(`Privacyverklaring van ${target.name}`, `Privacy statement of ${target.name}`);
  return `<script type="module" src="${target.origin}/embed.js"></script>

<privacy-statement group="${target.group}" company="${target.tenant}" lang="${target.language}">
  <a href="${pageUrl(target)}">${escapeForHtml(linkText)}</a>
</privacy-statement>`;
}

/** The directives the host page's Content-Security-Policy needs for each way of embedding. */
export const componentCsp = (target: Target): string =>
  `script-src ${target.origin}; connect-src ${target.origin}`;
export const iframeCsp = (target: Target): string => `frame-src ${target.origin}`;

export const componentCss = `privacy-statement {
  --privacy-statement-link: #0b57d0;
  --privacy-statement-rule: #d4d4d4;
  --privacy-statement-max-width: 42rem;
}
privacy-statement::part(title) {
  font-size: 2rem;
}`;

export const PARTS = [
  "statement",
  "title",
  "contents",
  "section",
  "heading",
  "table",
  "link",
  "footer",
  "fallback-link",
  "loading",
  "error",
];

function escapeForHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The body Verklaring posts on every publish; the example a receiver is written against. */
export function payloadExample(target: Target): string {
  return JSON.stringify(
    {
      event: "statement.published",
      group: target.group,
      tenant: target.tenant,
      version: 4,
      publishedAt: "2026-11-22T12:00:00.000Z",
      effectiveFrom: "2026-12-01T00:00:00.000Z",
      contentHash: "3f1c…",
      url: `${statementBase(target)}`,
    },
    null,
    2,
  );
}

/** Verifying a delivery with Web Crypto: Node 20+, Deno, Bun, Cloudflare Workers. */
export const verifyJsSnippet =
  (): string => `// ${t("body: de ruwe body van het verzoek als tekst, vóór het parsen als JSON", "body: the raw request body as text, before parsing it as JSON")}
async function verifyVerklaring(secret, header, body) {
  const parts = Object.fromEntries(
    (header ?? "").split(",").map((part) => part.trim().split("=", 2)),
  );
  const t = Number(parts.t);
  if (!/^[0-9a-f]{64}$/.test(parts.v1 ?? "") || !Number.isInteger(t)) return false;
  if (Math.abs(Date.now() / 1000 - t) > 300) return false; // 5 min
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"],
  );
  const signature = Uint8Array.from(parts.v1.match(/../g), (h) => parseInt(h, 16));
  return crypto.subtle.verify("HMAC", key, signature, encoder.encode(\`\${t}.\${body}\`));
}

// const ok = await verifyVerklaring(SECRET, request.headers.get("Verklaring-Signature"), await request.text());`;

export const verifyPhpSnippet = `<?php
$body = file_get_contents('php://input');
$header = $_SERVER['HTTP_VERKLARING_SIGNATURE'] ?? '';
$ok = preg_match('/(?:^|,)\\s*t=(\\d+)/', $header, $t)
    && preg_match('/(?:^|,)\\s*v1=([0-9a-f]{64})/', $header, $v1)
    && abs(time() - (int) $t[1]) <= 300
    && hash_equals(hash_hmac('sha256', $t[1] . '.' . $body, $secret), $v1[1]);
if (!$ok) {
    http_response_code(400);
    exit;
}
$event = json_decode($body, true);`;
