import { A } from "@solidjs/router";

export default function NotFound() {
  return (
    <section aria-labelledby="nf-title">
      <h1 id="nf-title">Pagina niet gevonden</h1>
      <p>
        Deze pagina bestaat niet. <A href="/">Terug naar het begin</A>.
      </p>
    </section>
  );
}
