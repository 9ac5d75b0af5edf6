// What each condition of conditions.ts means, in Dutch and English, for the console's editor and
// preview. Kept apart from the engine: the worker never shows these labels.
import type { ConditionName } from "./conditions.ts";

export interface ConditionDefinition {
  label: { nl: string; en: string };
  /** Which recorded detail decides it, for the editor. */
  source: { nl: string; en: string };
}

/** What each condition means, in both languages, for the console's editor and preview. */
export const CONDITION_DEFINITIONS: Readonly<Record<ConditionName, ConditionDefinition>> = {
  establishments_abroad: {
    label: { nl: "Vestigingen buiten Nederland", en: "Establishments outside the Netherlands" },
    source: {
      nl: "profiel: een vestiging (of het adres) buiten Nederland",
      en: "profile: an establishment (or the address) outside the Netherlands",
    },
  },
  transfers_outside_eea: {
    label: { nl: "Doorgifte buiten de EER", en: "Transfers outside the EEA" },
    source: { nl: "ontvangers: een land buiten de EER", en: "recipients: a country outside the EEA" },
  },
  transfers_scc: {
    label: {
      nl: "Doorgifte op standaardcontractbepalingen of BCR",
      en: "Transfers under standard contractual clauses or BCRs",
    },
    source: {
      nl: "ontvangers: waarborg standaardcontractbepalingen of bindende bedrijfsvoorschriften",
      en: "recipients: safeguard standard contractual clauses or binding corporate rules",
    },
  },
  dpo: {
    label: { nl: "Functionaris gegevensbescherming", en: "Data protection officer" },
    source: { nl: "profiel: FG ingevuld", en: "profile: DPO filled in" },
  },
  direct_marketing: {
    label: { nl: "Direct marketing", en: "Direct marketing" },
    source: { nl: "doeleinden: een doel is direct marketing", en: "purposes: a purpose is direct marketing" },
  },
  consent: basis("toestemming", "consent"),
  contract: basis("uitvoering van een overeenkomst", "performance of a contract"),
  legal_obligation: basis("wettelijke verplichting", "legal obligation"),
  vital_interests: basis("vitaal belang", "vital interests"),
  public_task: basis("taak van algemeen belang", "public task"),
  legitimate_interest: basis("gerechtvaardigd belang", "legitimate interest"),
  special_categories: {
    label: { nl: "Bijzondere persoonsgegevens", en: "Special categories of data" },
    source: { nl: "gegevens: een bijzondere categorie", en: "data categories: a special category" },
  },
  indirect_collection: {
    label: { nl: "Gegevens van elders verkregen", en: "Data obtained elsewhere" },
    source: { nl: "gegevens: een categorie met een bron", en: "data categories: a category with a source" },
  },
  cookies: {
    label: { nl: "Cookies", en: "Cookies" },
    source: { nl: "cookies: minstens één cookie", en: "cookies: at least one cookie" },
  },
  analytics: {
    label: { nl: "Analytische cookies", en: "Analytic cookies" },
    source: { nl: "cookies: een analytisch cookie", en: "cookies: an analytic cookie" },
  },
  analytics_with_consent: {
    label: { nl: "Analytische cookies met toestemming", en: "Analytic cookies with consent" },
    source: {
      nl: "cookies: een analytisch cookie dat pas na toestemming wordt geplaatst",
      en: "cookies: an analytic cookie placed only after consent",
    },
  },
  analytics_without_consent: {
    label: {
      nl: "Analytische cookies zonder toestemming (privacyvriendelijk)",
      en: "Analytic cookies without consent (privacy-friendly)",
    },
    source: {
      nl: "cookies: een analytisch cookie zonder toestemming",
      en: "cookies: an analytic cookie without consent",
    },
  },
  tracking_cookies: {
    label: { nl: "Tracking cookies", en: "Tracking cookies" },
    source: { nl: "cookies: een tracking cookie", en: "cookies: a tracking cookie" },
  },
  joint_controllers: {
    label: { nl: "Gezamenlijke verwerkingsverantwoordelijken (art. 26)", en: "Joint controllers (Art. 26)" },
    source: {
      nl: "basisverklaring: gezamenlijke verwerkingsverantwoordelijkheid aan",
      en: "baseline: joint controllership on",
    },
  },
};

function basis(nl: string, en: string): ConditionDefinition {
  return {
    label: { nl: `Grondslag ${nl}`, en: `Legal basis ${en}` },
    source: { nl: `doeleinden: een doel berust op ${nl}`, en: `purposes: a purpose rests on ${en}` },
  };
}
