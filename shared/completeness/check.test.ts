import { describe, expect, it } from "vitest";
import { DEMO_BASELINE, DEMO_GROUP, DEMO_TENANTS } from "../demo/index.ts";
import { resolveStatement } from "../engine.ts";
import { LANGUAGES, type Baseline, type Language, type TenantContent } from "../model.ts";
import { createBlankContent } from "../import/testing.ts";
import { checkCompleteness, scoreFindings, type CompletenessOptions, type Finding } from "./check.ts";
import { CHECKLIST, findChecklistItem, ITEM_IDS, OTHER_HEADINGS, type ItemId } from "./checklist.ts";
import { findCue, normalizeForMatch } from "./cues.ts";

/** A statement of the given sections (key, title, text), checked with the given content. */
function check(
  sections: [string, string, string][],
  change: (content: TenantContent) => void = () => {},
  options: CompletenessOptions & { language?: Language } = {},
): (id: Finding["item"]) => Finding {
  const baseline: Baseline = {
    title: { nl: "Privacyverklaring {{company.name}}" },
    sections: sections.map(([key, title, body]) => ({
      key,
      title: { nl: title },
      body: { nl: body },
      policy: "locked",
    })),
  };
  const content = createBlankContent();
  change(content);
  const statement = resolveStatement(
    baseline,
    { group: DEMO_GROUP, slug: "x", content },
    options.language ?? "nl",
  );
  const report = checkCompleteness(statement, content, options);
  return (id) => {
    const finding = report.findings.find((f) => f.item === id);
    if (finding === undefined) throw new Error(`no finding for ${id}`);
    return finding;
  };
}

describe("the checklist", () => {
  it("has one entry per item, each with articles, a title and hints in Dutch and English", () => {
    expect(CHECKLIST.map((i) => i.id)).toEqual([...ITEM_IDS]);
    for (const item of CHECKLIST) {
      expect(Object.keys(item.articles).length, item.id).toBeGreaterThan(0);
      for (const text of [item.title.nl, item.title.en, item.hint.nl, item.hint.en])
        expect(text, item.id).not.toBe("");
      if (item.applies === "conditional") expect(item.condition?.nl, item.id).toBeTruthy();
      for (const cue of [...item.phrases.nl, ...item.phrases.en, ...item.headings.nl, ...item.headings.en]) {
        expect(cue, item.id).toBe(cue.toLowerCase());
      }
    }
  });
});

describe("every demo company", () => {
  it.each(DEMO_TENANTS.flatMap((t) => LANGUAGES.map((l) => [t.slug, l, t] as const)))(
    "%s (%s) may be published: no 'always' item is missing",
    (slug, language, tenant) => {
      const statement = resolveStatement(
        DEMO_BASELINE,
        { group: DEMO_GROUP, slug, content: tenant.content },
        language,
      );
      const report = checkCompleteness(statement, tenant.content);
      expect(report.missingAlways).toEqual([]);
      expect(report.score).toBeGreaterThanOrEqual(90);
      for (const f of report.findings)
        expect(f.sections.every((k) => statement.sections.some((s) => s.key === k))).toBe(true);
    },
  );
});

describe("structured details decide first", () => {
  it("DPO: present when the profile's DPO is shown, missing when not, not applicable without one", () => {
    const dpo = (c: TenantContent): void => {
      c.profile.dpo = { name: "M. Jansen", email: "fg@voorbeeld.nl" };
    };
    expect(check([["dpo", "FG", "Bereik onze FG via fg@voorbeeld.nl."]], dpo)("DPO_CONTACT").status).toBe(
      "present",
    );
    expect(check([["a", "A", "Tekst."]], dpo)("DPO_CONTACT").status).toBe("missing");
    const none = check([["a", "A", "Tekst."]])("DPO_CONTACT");
    expect(none.status).toBe("not_applicable");
    expect(none.why.en).toContain("No DPO appointed");
  });

  it("legitimate interests and withdrawing consent apply only when a purpose rests on them", () => {
    const contractOnly = check([["a", "A", "Tekst."]], (c) => {
      c.lists.purposes = [{ name: { nl: "Leveren" }, legalBasis: "contract" }];
    });
    expect(contractOnly("LEGITIMATE_INTERESTS").status).toBe("not_applicable");
    expect(contractOnly("WITHDRAW_CONSENT").status).toBe("not_applicable");
    expect(contractOnly("LEGAL_BASIS").status).toBe("present");
    const withoutInterest = check([["a", "A", "Tekst."]], (c) => {
      // Invalid per schema, but drafts in progress can hold it: the checker must say what is missing.
      c.lists.purposes = [{ name: { nl: "Beveiligen" }, legalBasis: "legitimate_interest" }];
    });
    expect(withoutInterest("LEGITIMATE_INTERESTS").status).toBe("weak");
    const consent = check([["a", "A", "Tekst."]], (c) => {
      c.lists.purposes = [{ name: { nl: "Nieuwsbrief" }, legalBasis: "consent" }];
    });
    expect(consent("WITHDRAW_CONSENT").status).toBe("missing");
  });

  it("transfers: the recipient's country and safeguard settle fact and safeguard; SCCs need the copy", () => {
    const transfer = (safeguard: "scc" | "adequacy") => (c: TenantContent) => {
      c.lists.recipients = [{ name: "Cloud Inc.", role: "processor", country: "US", safeguard }];
    };
    const scc = check([["recipients", "Ontvangers", "Wij delen gegevens met verwerkers."]], transfer("scc"));
    expect(scc("TRANSFER_FACT").status).toBe("present");
    expect(scc("TRANSFER_FACT").why.en).toContain("the United States");
    expect(scc("TRANSFER_SAFEGUARDS").status).toBe("present");
    expect(scc("TRANSFER_COPY_MEANS").status).toBe("missing");
    const copy = check(
      [["recipients", "Ontvangers", "Een kopie van de clausules kunt u opvragen."]],
      transfer("scc"),
    );
    expect(copy("TRANSFER_COPY_MEANS").status).toBe("present");
    expect(check([["a", "A", "Tekst."]], transfer("adequacy"))("TRANSFER_COPY_MEANS").status).toBe(
      "not_applicable",
    );
  });

  it("cookies: a tracking cookie without consent wording is weak", () => {
    const tracking = (c: TenantContent): void => {
      c.lists.cookies = [
        { name: "_fbp", provider: "Meta", category: "tracking", purpose: { nl: "Advertenties" } },
      ];
    };
    expect(check([["cookies", "Cookies", "Wij gebruiken cookies."]], tracking)("COOKIES").status).toBe(
      "weak",
    );
    const asked = check(
      [["cookies", "Cookies", "Voor tracking cookies vragen wij eerst uw toestemming."]],
      tracking,
    );
    expect(asked("COOKIES").status).toBe("present");
    expect(check([["a", "A", "Tekst."]])("COOKIES").status).toBe("not_applicable");
  });

  it("representative, source and joint controllers follow the recorded facts", () => {
    const abroad = (c: TenantContent): void => {
      c.profile.address.country = "US";
    };
    expect(check([["a", "A", "Tekst."]], abroad)("REPRESENTATIVE").status).toBe("missing");
    expect(
      check([["a", "A", "Onze vertegenwoordiger in de EU is X."]], abroad)("REPRESENTATIVE").status,
    ).toBe("present");
    const sourced = (c: TenantContent): void => {
      c.lists.data_categories = [{ name: { nl: "Functie" }, special: false, source: { nl: "uw werkgever" } }];
    };
    const get = check([["a", "A", "Tekst."]], sourced);
    expect(get("SOURCE").status).toBe("present");
    expect(get("SOURCE").article).toBe("art. 14(2)(f) AVG");
    expect(get("STATUTORY_CONTRACTUAL").status).toBe("not_applicable");
    const joint = (c: TenantContent): void => {
      c.lists.recipients = [{ name: "Gemeente", role: "joint_controller", country: "NL", safeguard: "eea" }];
    };
    expect(check([["a", "A", "Tekst."]], joint)("JOINT_CONTROLLERS").status).toBe("weak");
    const arranged = check(
      [["a", "A", "Met de gemeente als gezamenlijk verantwoordelijke hebben wij afspraken gemaakt."]],
      joint,
    );
    expect(arranged("JOINT_CONTROLLERS").status).toBe("present");
  });
});

describe("the text decides when the model records nothing", () => {
  it("applies the WP260 quality points to retention, recipients and legal bases", () => {
    const vague = check([
      ["retention", "Bewaartermijn", "Wij bewaren gegevens zolang als noodzakelijk."],
      ["recipients", "Delen met derden", "Wij delen gegevens soms met derden."],
      [
        "basis",
        "Grondslag",
        "Wij verwerken gegevens met uw toestemming of vanwege een wettelijke verplichting.",
      ],
    ]);
    expect(vague("RETENTION").status).toBe("weak");
    expect(vague("RECIPIENTS").status).toBe("weak");
    expect(vague("LEGAL_BASIS").status).toBe("weak");
    const concrete = check([
      ["retention", "Bewaartermijn", "Facturen bewaren wij zeven jaar."],
      ["recipients", "Ontvangers", "Onze hostingpartij Polderwolk B.V. bewaart de gegevens."],
      [
        "basis",
        "Grondslagen",
        "- Nieuwsbrief — Grondslag: toestemming\n- Facturen — Grondslag: wettelijke verplichting",
      ],
    ]);
    expect(concrete("RETENTION").status).toBe("present");
    expect(concrete("RECIPIENTS").status).toBe("present");
    expect(concrete("LEGAL_BASIS").status).toBe("present");
  });

  it("reads informal Dutch (je/jouw) and English", () => {
    const informal = check([
      [
        "rechten",
        "Jouw rechten",
        "Je mag je gegevens inzien, laten corrigeren of verwijderen. Je kunt ook vragen de verwerking te beperken.",
      ],
    ]);
    for (const id of ["RIGHT_ACCESS", "RIGHT_RECTIFICATION", "RIGHT_ERASURE", "RIGHT_RESTRICTION"] as const) {
      expect(informal(id).status, id).toBe("present");
    }
    expect(informal("RIGHT_OBJECT").status).toBe("missing");
    const english = check(
      [
        [
          "rights",
          "Your rights",
          "You may lodge a complaint with the supervisory authority, the Autoriteit Persoonsgegevens.",
        ],
      ],
      () => {},
      { language: "en" },
    );
    expect(english("COMPLAINT_SA").status).toBe("present");
    expect(english("COMPLAINT_SA").sections).toEqual(["rights"]);
  });

  it("does not take a cookie sentence for the right to erasure", () => {
    const get = check([["cookies", "Cookies", "U kunt cookies in uw browser blokkeren of verwijderen."]]);
    expect(get("RIGHT_ERASURE").status).toBe("missing");
  });
});

describe("the score", () => {
  it("counts present as 1 and weak as ½ over the applicable items", () => {
    const finding = (status: Finding["status"]): Finding => ({
      item: "PURPOSES",
      status,
      why: { nl: "", en: "" },
      article: "",
      hint: { nl: "", en: "" },
      sections: [],
    });
    expect(
      scoreFindings(
        ["present", "weak", "missing", "not_applicable"].map((s) => finding(s as Finding["status"])),
      ),
    ).toBe(50);
    expect(scoreFindings([finding("not_applicable")])).toBe(100);
  });
});

describe("the stricter check", () => {
  const blocking = (
    sections: [string, string, string][],
    change: (content: TenantContent) => void,
  ): string[] => {
    const baseline: Baseline = {
      title: { nl: "Privacyverklaring {{company.name}}" },
      sections: sections.map(([key, title, body]) => ({
        key,
        title: { nl: title },
        body: { nl: body },
        policy: "locked",
      })),
    };
    const content = createBlankContent();
    change(content);
    const statement = resolveStatement(baseline, { group: DEMO_GROUP, slug: "x", content }, "nl");
    return checkCompleteness(statement, content).blocking;
  };
  const legitimate = (c: TenantContent): void => {
    c.lists.purposes = [
      {
        name: { nl: "Beveiliging" },
        legalBasis: "legitimate_interest",
        legitimateInterest: { nl: "veilige systemen" },
      },
    ];
  };

  it("blocks on the right to object among the other rights when a purpose rests on legitimate interest", () => {
    const rights: [string, string, string] = [
      "rechten",
      "Uw rechten",
      "U kunt uw gegevens inzien, laten corrigeren of verwijderen en bezwaar maken.",
    ];
    expect(blocking([rights], legitimate)).toContain("RIGHT_OBJECT_SEPARATE");
    const separate: [string, string, string] = [
      "bezwaar",
      "Recht van bezwaar",
      "U kunt altijd bezwaar maken.",
    ];
    expect(blocking([rights, separate], legitimate)).not.toContain("RIGHT_OBJECT_SEPARATE");
    // Only the text mentions a legitimate interest: advice, not a block.
    expect(
      blocking([rights, ["g", "Grondslag", "Wij hebben een gerechtvaardigd belang."]], () => {}),
    ).not.toContain("RIGHT_OBJECT_SEPARATE");
  });

  it("blocks on a missing Art. 13(2)(e) statement when the company records data it collects itself", () => {
    const withData = (c: TenantContent): void => {
      c.lists.data_categories = [{ name: { nl: "Naam" }, special: false }];
      c.lists.purposes = [{ name: { nl: "Levering" }, legalBasis: "contract" }];
    };
    expect(blocking([["a", "A", "Tekst."]], withData)).toContain("STATUTORY_CONTRACTUAL");
    expect(
      blocking([["a", "A", "Tekst."]], (c) => {
        withData(c);
        c.lists.purposes[0]!.provision = {
          requirement: "contract_prerequisite",
          consequence: { nl: "zonder deze gegevens kunnen wij niet leveren" },
        };
      }),
    ).not.toContain("STATUTORY_CONTRACTUAL");
    const sourced = (c: TenantContent): void => {
      withData(c);
      c.lists.data_categories[0]!.source = { nl: "uw werkgever" };
    };
    expect(blocking([["a", "A", "Tekst."]], sourced)).not.toContain("STATUTORY_CONTRACTUAL");
  });

  it("weighs retention per data category: none, or only a minimum, is weak", () => {
    const categories = (c: TenantContent): void => {
      c.lists.data_categories = [
        { name: { nl: "Naam en contactgegevens" }, special: false },
        { name: { nl: "IP-adres" }, special: false },
      ];
      c.lists.retention = [{ subject: { nl: "Contactgegevens" }, period: { amount: 2, unit: "years" } }];
    };
    const uncovered = check([["a", "A", "Tekst."]], categories)("RETENTION");
    expect(uncovered.status).toBe("weak");
    expect(uncovered.why.nl).toContain("‘IP-adres’");
    const covered = check([["a", "A", "Tekst."]], (c) => {
      categories(c);
      c.lists.retention.push({
        subject: { nl: "Logbestanden met IP-adressen" },
        period: { amount: 6, unit: "months" },
      });
    })("RETENTION");
    expect(covered.status).toBe("present");
    const minimum = check([["a", "A", "Tekst."]], (c) => {
      categories(c);
      c.lists.retention = [
        {
          subject: { nl: "Alle gegevens" },
          period: { amount: 7, unit: "years" },
          criterion: { nl: "minimaal" },
        },
      ];
    })("RETENTION");
    expect(minimum.status).toBe("weak");
    expect(minimum.why.en).toContain("only a minimum");
  });

  it("takes no safeguard from Privacy Shield, and 'uitsluitend binnen de EER' for no transfer", () => {
    const shield = check([
      [
        "doorgifte",
        "Doorgifte",
        "Onze mailingdienst bewaart gegevens op servers in de Verenigde Staten onder het Privacy Shield.",
      ],
    ]);
    expect(shield("TRANSFER_FACT").status).toBe("present");
    expect(shield("TRANSFER_SAFEGUARDS").status).toBe("missing");
    const inside = check([
      ["eer", "Verwerking binnen de EER", "Wij verwerken uw gegevens uitsluitend binnen de EER."],
    ]);
    expect(inside("TRANSFER_FACT").status).toBe("not_applicable");
    expect(inside("TRANSFER_FACT").sections).toEqual(["eer"]);
  });

  it("recognises more real phrasings of rights, withdrawal and complaints", () => {
    const get = check([
      ["rechten", "Jouw rechten", "Je hebt het recht je gegevens in te zien en te laten aanpassen."],
      ["nieuwsbrief", "Nieuwsbrief", "Afmelden voor onze nieuwsbrief kan altijd via de link in elke mail."],
      ["klachten", "Klachten", "Neem contact op met de Autoriteit Persoonsgegevens."],
    ]);
    expect(get("RIGHT_ACCESS").status).toBe("present");
    expect(get("RIGHT_RECTIFICATION").status).toBe("present");
    expect(get("WITHDRAW_CONSENT").status).toBe("present");
    expect(get("COMPLAINT_SA").status).toBe("present");
    expect(get("COMPLAINT_SA").sections).toEqual(["klachten"]);
    // A newsletter is direct marketing: the separate right to object applies.
    expect(get("RIGHT_OBJECT_SEPARATE").status).toBe("missing");
  });

  it("requires the essence of the arrangement and the contact point when the group declares joint controllers", () => {
    const joint = { contactPoint: { name: "Privacyteam", email: "privacy@groep.nl" } };
    const none = check([["a", "A", "Tekst."]], () => {}, { jointControllership: joint })("JOINT_CONTROLLERS");
    expect(none.status).toBe("missing");
    const arranged = check(
      [
        [
          "samen",
          "Gezamenlijk",
          "In de regeling tussen de bedrijven als gezamenlijk verwerkingsverantwoordelijken is afgesproken wie wat doet. Ons aanspreekpunt is privacy@groep.nl.",
        ],
      ],
      () => {},
      { jointControllership: joint },
    )("JOINT_CONTROLLERS");
    expect(arranged.status).toBe("present");
    const withoutContact = check(
      [
        [
          "samen",
          "Gezamenlijk",
          "In de regeling tussen de bedrijven als gezamenlijk verwerkingsverantwoordelijken is afgesproken wie wat doet.",
        ],
      ],
      () => {},
      { jointControllership: joint },
    )("JOINT_CONTROLLERS");
    expect(withoutContact.status).toBe("weak");
    expect(withoutContact.why.en).toContain("central contact point is missing");
  });
});

describe("headings real statements use", () => {
  // Seen in Dutch statements of companies, municipalities and schools: each names the subject of
  // its section, so the checker looks there (and the importer places the section there).
  it.each<[string, ItemId]>([
    ["Gezamenlijke verantwoordelijkheid", "JOINT_CONTROLLERS"],
    ["Gezamenlijke verwerkingsverantwoordelijkheid", "JOINT_CONTROLLERS"],
    ["Gezamenlijk verwerkingsverantwoordelijken", "JOINT_CONTROLLERS"],
    ["Joint controllership", "JOINT_CONTROLLERS"],
    ["Inzageverzoek", "RIGHT_ACCESS"],
    ["Een inzageverzoek indienen", "RIGHT_ACCESS"],
    ["Subject access requests", "RIGHT_ACCESS"],
    ["Subverwerkers", "RECIPIENTS"],
    ["Verwerkers en subverwerkers", "RECIPIENTS"],
    ["Sub-processors", "RECIPIENTS"],
    ["Wie zijn wij?", "CONTROLLER_IDENTITY"],
    ["Wie wij zijn", "CONTROLLER_IDENTITY"],
    ["Wie we zijn", "CONTROLLER_IDENTITY"],
  ])("reads %j as a heading of %s", (heading, id) => {
    expect(findCue(normalizeForMatch(heading), findChecklistItem(id).headings)).not.toBeNull();
  });

  it.each(["Reikwijdte", "Reikwijdte van deze privacyverklaring", "Scope of this statement"])(
    "reads %j as the statement's introduction",
    (heading) => {
      expect(findCue(normalizeForMatch(heading), OTHER_HEADINGS.introduction)).not.toBeNull();
    },
  );

  it("finds a joint controllership under its own heading, and the arrangement written there", () => {
    const get = check([
      ["wie", "Wie zijn wij", "Wij zijn een webwinkel in tuinartikelen."],
      [
        "samen",
        "Gezamenlijke verwerkingsverantwoordelijkheid",
        "Voor het spaarprogramma werken wij samen met Spaarpunt B.V. Wij hebben afgesproken dat wij uw vragen beantwoorden en Spaarpunt het programma beveiligt.",
      ],
    ]);
    const finding = get("JOINT_CONTROLLERS");
    expect(finding.status).toBe("present");
    expect(finding.sections).toEqual(["samen"]);
  });

  it("names a joint controllership heading without an arrangement as weak, not as not applicable", () => {
    const finding = check([
      [
        "samen",
        "Gezamenlijke verantwoordelijkheid",
        "Voor het spaarprogramma werken wij samen met Spaarpunt B.V.",
      ],
    ])("JOINT_CONTROLLERS");
    expect(finding.status).toBe("weak");
    expect(finding.sections).toEqual(["samen"]);
  });

  it("counts a section headed 'Inzageverzoek' as the right of access, in its own words", () => {
    const get = check([
      [
        "inzage",
        "Inzageverzoek",
        "Wilt u weten welke gegevens wij van u hebben? Stuur een e-mail naar privacy@voorbeeld.nl; u krijgt binnen een maand een kopie.",
      ],
    ]);
    expect(get("RIGHT_ACCESS").status).toBe("present");
    expect(get("RIGHT_ACCESS").sections).toEqual(["inzage"]);
    // Only access: the other rights are not given by a heading about access.
    expect(get("RIGHT_ERASURE").status).toBe("missing");
  });
});

describe("details written in the text, found per paragraph", () => {
  it("takes an e-mail address and a phone number the profile does not have as means of contact", () => {
    const setAddress = (c: TenantContent): void => {
      c.profile.legalName = "Bakkerij Deeg B.V.";
      c.profile.tradeName = "Deeg";
      c.profile.address = { street: "Molenweg 3", postalCode: "8011 AB", city: "Zwolle", country: "NL" };
    };
    const contact = (text: string) =>
      check(
        [["contact", "Contact", `Bakkerij Deeg B.V., Molenweg 3, 8011 AB Zwolle.\n\n${text}`]],
        setAddress,
      )("CONTROLLER_IDENTITY");
    for (const text of ["Mail ons via vragen@bakkerijdeeg.nl.", "Bel ons op 038 - 123 45 67."]) {
      const found = contact(text);
      expect(found.status, text).toBe("present");
      expect(found.sections, text).toEqual(["contact"]);
    }
    // Neither an e-mail address nor a phone number: the name and address alone are a weak identity.
    expect(contact("Schrijf ons gerust.").status).toBe("weak");
  });

  it("takes a paragraph that opens with the right to object, under the other rights, as stated apart", () => {
    const legitimate = (c: TenantContent): void => {
      c.lists.purposes = [
        {
          name: { nl: "Beveiliging" },
          legalBasis: "legitimate_interest",
          legitimateInterest: { nl: "veilige systemen" },
        },
      ];
    };
    const rights = (...paragraphs: string[]) =>
      check([["rechten", "Uw rechten", paragraphs.join("\n\n")]], legitimate)("RIGHT_OBJECT_SEPARATE");
    const apart = rights(
      "U kunt uw gegevens inzien, laten corrigeren of laten verwijderen.",
      "U kunt altijd bezwaar maken tegen het gebruik van uw gegevens voor ons gerechtvaardigd belang. Wij stoppen dan met die verwerking.",
    );
    expect(apart.status).toBe("present");
    expect(apart.sections).toEqual(["rechten"]);
    // The same right in the same paragraph as the others is not stated apart (Art. 21(4)).
    expect(
      rights("U kunt uw gegevens inzien, laten corrigeren of laten verwijderen en u kunt bezwaar maken.")
        .status,
    ).toBe("weak");
  });
});
