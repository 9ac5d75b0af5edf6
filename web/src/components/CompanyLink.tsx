// A company's name in the console opens that company's pages.
import { A } from "@solidjs/router";

export function CompanyLink(props: { group: string; slug: string; name: string; class?: string }) {
  return (
    <A href={`/console/${props.group}/companies/${props.slug}`} class={props.class}>
      {props.name}
    </A>
  );
}
