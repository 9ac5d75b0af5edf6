// Company recipients that refer to the group's processor register take their details from it:
// the register is kept once, so a changed processor changes every company that uses it.
import type { ProcessorEntry, Recipient, TenantContent } from "./model.ts";

export interface RegisterApplication {
  content: TenantContent;
  /** Recipients that name a key the register does not have. */
  unknown: { index: number; key: string }[];
  /** Register keys whose details differed from what the content had. */
  changed: string[];
}

export function applyProcessorRegister(
  content: TenantContent,
  register: readonly ProcessorEntry[],
): RegisterApplication {
  const byKey = new Map(register.map((entry) => [entry.key, entry.recipient]));
  const unknown: RegisterApplication["unknown"] = [];
  const changed = new Set<string>();
  const recipients = content.lists.recipients.map((recipient, index): Recipient => {
    if (recipient.processor === undefined) return recipient;
    const entry = byKey.get(recipient.processor);
    if (!entry) {
      unknown.push({ index, key: recipient.processor });
      return recipient;
    }
    const refreshed: Recipient = { ...entry, processor: recipient.processor };
    if (JSON.stringify(refreshed) !== JSON.stringify(recipient)) changed.add(recipient.processor);
    return refreshed;
  });
  return {
    content: { ...content, lists: { ...content.lists, recipients } },
    unknown,
    changed: [...changed],
  };
}
