// (a) The company's own details: they fill the placeholders in the group's texts.
import { Show } from "solid-js";
import type { Profile } from "#shared/model.ts";
import { t } from "../../i18n.ts";
import { CheckboxField, TextField, useEditor } from "./fields.tsx";
import { profileFieldLabel } from "./labels.ts";

type TextKey = "legalName" | "tradeName" | "kvkNumber" | "email" | "phone" | "website";
type AddressKey = keyof Profile["address"];

export function ProfileForm() {
  const editor = useEditor();
  const profile = () => editor.content.profile;

  const text = (
    key: TextKey,
    extra: {
      type?: "email" | "tel" | "url";
      hint?: string;
      autocomplete?: string;
      inputmode?: "numeric";
    } = {},
  ) => (
    <TextField
      path={`profile.${key}`}
      label={profileFieldLabel(`profile.${key}`)}
      value={profile()[key]}
      onChange={(value) => editor.edit(`profile.${key}`, (c) => (c.profile[key] = value))}
      {...extra}
    />
  );
  const address = (key: AddressKey, extra: { hint?: string; autocomplete?: string } = {}) => (
    <TextField
      path={`profile.address.${key}`}
      label={profileFieldLabel(`profile.address.${key}`)}
      value={profile().address[key]}
      onChange={(value) => editor.edit(`profile.address.${key}`, (c) => (c.profile.address[key] = value))}
      {...extra}
    />
  );

  return (
    <div class="profile-grid">
      {text("legalName", {
        hint: t(
          "Zoals ingeschreven bij de KvK, bijv. JCC Software B.V.",
          "As registered, e.g. JCC Software B.V.",
        ),
      })}
      {text("tradeName", {
        hint: t("De naam waaronder het bedrijf bekend is.", "The name the company is known by."),
      })}
      {text("kvkNumber", { inputmode: "numeric", hint: t("Acht cijfers.", "Eight digits.") })}
      {address("street", { autocomplete: "off" })}
      {address("postalCode")}
      {address("city")}
      {address("country", { hint: t("Twee hoofdletters, bijv. NL.", "Two capital letters, e.g. NL.") })}
      {text("email", { type: "email" })}
      {text("phone", { type: "tel", hint: t("Bijv. +31 33 432 18 00.", "E.g. +31 33 432 18 00.") })}
      {text("website", { type: "url", hint: t("Begint met https://.", "Starts with https://.") })}
      <div class="span-all">
        <CheckboxField
          path="profile.dpo"
          label={t(
            "Dit bedrijf heeft een functionaris gegevensbescherming (FG)",
            "This company has a data protection officer (DPO)",
          )}
          checked={profile().dpo !== undefined}
          onChange={(on) =>
            editor.edit("profile.dpo", (c) => {
              if (on) c.profile.dpo = { name: "", email: "" };
              else delete c.profile.dpo;
            })
          }
        />
      </div>
      <Show when={profile().dpo}>
        {(dpo) => (
          <>
            <TextField
              path="profile.dpo.name"
              label={profileFieldLabel("profile.dpo.name")}
              value={dpo().name}
              onChange={(value) =>
                editor.edit("profile.dpo.name", (c) => c.profile.dpo && (c.profile.dpo.name = value))
              }
            />
            <TextField
              path="profile.dpo.email"
              type="email"
              label={profileFieldLabel("profile.dpo.email")}
              value={dpo().email}
              onChange={(value) =>
                editor.edit("profile.dpo.email", (c) => c.profile.dpo && (c.profile.dpo.email = value))
              }
            />
          </>
        )}
      </Show>
    </div>
  );
}
