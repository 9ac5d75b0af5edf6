// The processor register's words: roles and transfer safeguards in plain Dutch and English.
import { COUNTRY_NAMES } from "#shared/countries.ts";
import type { RECIPIENT_ROLES, SAFEGUARDS } from "#shared/model.ts";
import { t } from "../../i18n.ts";

export type Role = (typeof RECIPIENT_ROLES)[number];
export type Safeguard = (typeof SAFEGUARDS)[number];
export type Words = { nl: string; en: string };

export const ROLE_WORDS: Record<Role, Words> = {
  processor: { nl: "Verwerker", en: "Processor" },
  controller: { nl: "Zelfstandig verwerkingsverantwoordelijke", en: "Controller" },
  joint_controller: { nl: "Gezamenlijk verwerkingsverantwoordelijke", en: "Joint controller" },
  recipient: { nl: "Ontvanger", en: "Recipient" },
};

export const SAFEGUARD_WORDS: Record<Safeguard, { label: Words; explanation: Words }> = {
  eea: {
    label: { nl: "Binnen de EER", en: "Within the EEA" },
    explanation: {
      nl: "De gegevens blijven in de Europese Economische Ruimte, waar overal de AVG geldt. Er is geen extra waarborg nodig.",
      en: "The data stays in the European Economic Area, where the GDPR applies everywhere. No extra safeguard is needed.",
    },
  },
  adequacy: {
    label: { nl: "Adequaatheidsbesluit", en: "Adequacy decision" },
    explanation: {
      nl: "De Europese Commissie heeft besloten dat dit land persoonsgegevens even goed beschermt als de EU.",
      en: "The European Commission has decided that this country protects personal data as well as the EU does.",
    },
  },
  scc: {
    label: { nl: "Standaardcontractbepalingen", en: "Standard contractual clauses" },
    explanation: {
      nl: "Een contract met de modelbepalingen van de Europese Commissie legt vast hoe de gegevens beschermd worden.",
      en: "A contract with the European Commission's model clauses sets out how the data is protected.",
    },
  },
  bcr: {
    label: { nl: "Bindende bedrijfsvoorschriften", en: "Binding corporate rules" },
    explanation: {
      nl: "Interne privacyregels van een concern, goedgekeurd door een Europese privacytoezichthouder.",
      en: "A corporate group's internal privacy rules, approved by a European data protection authority.",
    },
  },
  derogation: {
    label: { nl: "Uitzondering (artikel 49 AVG)", en: "Derogation (Article 49 GDPR)" },
    explanation: {
      nl: "Alleen voor een incidentele doorgifte, bijvoorbeeld met uitdrukkelijke toestemming of omdat het nodig is voor een overeenkomst.",
      en: "Only for an occasional transfer, for example with explicit consent or because a contract needs it.",
    },
  },
};

export const countryName = (code: string): string => {
  const names = COUNTRY_NAMES[code];
  return names ? t(names.nl, names.en) : code;
};
