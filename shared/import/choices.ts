// What the editor decides in the review. Everything has a default that changes nothing the editor
// did not see: no profile field is taken unless accepted, list items are added beside the
// draft's (not replacing them), text a locked section would not take is held back.
import type { LegalBasis, ListKey, Recipient } from "../model.ts";

/** The profile fields an import can suggest. */
export const PROFILE_FIELDS = [
  "tradeName",
  "legalName",
  "kvkNumber",
  "email",
  "phone",
  "website",
  "address",
  "dpo",
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export type ListMode = "add" | "replace" | "keep";

export interface SectionChoice {
  /** Another baseline section (null: an own section). */
  key?: string | null;
  /** Leave the whole section out. */
  skip?: boolean;
  /** Add text a locked or optional baseline section cannot take as an own section right after it. */
  addHeld?: boolean;
}

export interface ItemChoice {
  skip?: boolean;
  /** For a purpose whose basis the text does not state. */
  legalBasis?: LegalBasis;
  /** For a recipient outside the EEA whose safeguard the text does not state. */
  safeguard?: Exclude<Recipient["safeguard"], "eea">;
}

export interface ImportChoices {
  /** Per section index. */
  sections?: Readonly<Record<number, SectionChoice>>;
  /** The suggested profile fields the editor accepts, one by one. Nothing else changes the profile. */
  profile?: readonly ProfileField[];
  /** Per list: "add" (default) puts found items beside the draft's, "replace" instead of them, "keep" takes none. */
  lists?: Readonly<Partial<Record<ListKey, ListMode>>>;
  /** Per found item index. */
  items?: Readonly<Record<number, ItemChoice>>;
}
