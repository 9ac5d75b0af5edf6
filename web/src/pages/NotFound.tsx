import { A } from "@solidjs/router";
import { t } from "../i18n.ts";

export default function NotFound() {
  return (
    <section aria-labelledby="nf-title">
      <h1 id="nf-title">{t("Pagina niet gevonden", "Page not found")}</h1>
      <p>
        {t("Deze pagina bestaat niet. ", "This page does not exist. ")}
        <A href="/">{t("Terug naar het begin", "Back to the start")}</A>.
      </p>
    </section>
  );
}
