// The address (slug) or register key a name suggests: "Lage Landen Hosting B.V." →
// "lage-landen-hosting-b-v". Lower-case letters, digits and dashes, at most 64 characters, as
// SlugSchema (model.ts) takes them; accents dropped, ligatures and other compatibility forms
// spelled out (NFKD). A suggestion only: the person can type another.
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}
