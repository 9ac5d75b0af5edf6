// The only styling of the standalone page. Its exact text is hashed into the Content Security
// Policy (cspHashSource(PAGE_STYLE)), so any change here changes that header too.
export const PAGE_STYLE = `
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#ffffff;--muted:#545454;--link:#0b57d0;--rule:#d4d4d4;--mark:#ffe58f}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--bg:#141414;--muted:#b4b4b4;--link:#8ab4f8;--rule:#474747;--mark:#6b5600}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1.0625rem;line-height:1.6}
main{max-width:42rem;margin:0 auto;padding:2.5rem 1.25rem 4rem}
h1{font-size:clamp(1.6rem,5vw,2.1rem);line-height:1.2;margin:0 0 1.75rem;overflow-wrap:break-word}
h2{font-size:1.3rem;line-height:1.3;margin:2.5rem 0 .75rem;overflow-wrap:break-word}
p,ul,ol,table,dl{margin:0 0 1rem}
ul,ol{padding-left:1.5rem}
li{margin:.25rem 0}
a{color:var(--link);text-decoration:underline;text-underline-offset:.15em;overflow-wrap:anywhere}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:2px solid var(--link);outline-offset:2px}
nav{border:1px solid var(--rule);border-radius:.5rem;padding:1rem 1.25rem .25rem;margin:0 0 2rem}
nav h2{font-size:1rem;margin:0 0 .5rem}
.vk-table{overflow-x:auto;margin:0 0 1rem}
.vk-table table{margin:0}
table{width:100%;border-collapse:collapse;font-size:.9375rem}
th,td{text-align:left;vertical-align:top;padding:.5rem 1rem .5rem 0;border-bottom:1px solid var(--rule)}
td{min-width:5.5rem}
td:nth-child(4){min-width:12rem}
th{font-weight:600}
mark{background:var(--mark);color:var(--fg);padding:0 .2em;border-radius:.2em}
footer{margin-top:3rem;padding-top:1rem;border-top:1px solid var(--rule);color:var(--muted);font-size:.9375rem}
footer dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
footer dd{margin:0;min-width:0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875em;word-break:break-all}
@media (max-width:30rem){body{font-size:1rem}table{font-size:.875rem}main{padding:1.5rem 1rem 3rem}footer dl{grid-template-columns:1fr}footer dd{margin-bottom:.5rem}}
@media print{
:root{--fg:#000000;--bg:#ffffff;--muted:#333333;--link:#000000;--rule:#999999}
body{font-size:11pt}
main{max-width:none;padding:0}
nav{display:none}
.vk-table{overflow:visible}
a[href]:not([href^="#"]):not(.vk-url)::after{content:" (" attr(href) ")";font-size:.9em}
h1,h2,th{break-after:avoid;page-break-after:avoid}
tr,li,footer{break-inside:avoid;page-break-inside:avoid}
}
`;

/**
 * What a website that includes the HTML fragment (server-side, unstyled by design) needs at least,
 * offered on the console's embed page: a table wider than the phone scrolls inside its region
 * rather than the whole page sideways, and the content hash may break anywhere.
 */
export const FRAGMENT_HOST_CSS = `.vk-statement .vk-table {
  overflow-x: auto;
}
.vk-statement code {
  word-break: break-all;
}`;
