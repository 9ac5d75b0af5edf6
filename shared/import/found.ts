// Structured details found in an imported statement, before anyone accepted them. Each item says
// where it came from (section, piece, quote), what the text did not say (missing) and what the
// importer filled in from its own knowledge (assumed), so the review can show all of it and the
// draft only receives items that are complete and valid.
import type {
  Cookie,
  DataCategory,
  LegalBasis,
  ListKey,
  Purpose,
  Recipient,
  RetentionRule,
} from "../model.ts";

/** A purpose as found: the legal basis may not be stated (the editor chooses it). */
export type FoundPurpose = Omit<Purpose, "legalBasis"> & { legalBasis?: LegalBasis };
/** A recipient as found: the country and the transfer safeguard may not be stated. */
export type FoundRecipient = Omit<Recipient, "country" | "safeguard"> & {
  country?: string;
  safeguard?: Recipient["safeguard"];
};
/** A cookie as found: the purpose and lifetime may not be stated. */
export type FoundCookie = Omit<Cookie, "purpose"> & {
  purpose?: Cookie["purpose"];
  /** True when the text says it lasts only the session (the model omits the lifetime then). */
  session?: boolean;
};

export interface FoundSource {
  section: number;
  piece: number;
  /** The words it was read from. */
  quote: string;
}

interface FoundBase {
  /** Fields the list requires that the text does not state. */
  missing: string[];
  /** Fields taken from what the importer knows of a service, not from the text. */
  assumed: string[];
  source: FoundSource;
  /** The piece says nothing but this item, so the draft may leave it out when the item is taken. */
  whole: boolean;
  /** The quoted clause says nothing but this item ("Facturen bewaren wij 7 jaar."): it may go too. */
  clause?: boolean;
}

export type Found =
  | (FoundBase & { list: "data_categories"; item: DataCategory })
  | (FoundBase & { list: "purposes"; item: FoundPurpose })
  | (FoundBase & { list: "retention"; item: RetentionRule; minimum: boolean })
  | (FoundBase & { list: "recipients"; item: FoundRecipient })
  | (FoundBase & { list: "cookies"; item: FoundCookie });

export type FoundOf<L extends ListKey> = Extract<Found, { list: L }>;
