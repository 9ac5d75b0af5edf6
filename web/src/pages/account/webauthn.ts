// The browser's side of passkeys (WebAuthn): the API sends and takes the binary parts as base64url.
// Only the pages that offer a passkey load this.
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { api, fetchJson } from "../../api.ts";

/** Whether this browser can make and use passkeys at all. */
export const passkeysSupported = (): boolean =>
  typeof window.PublicKeyCredential === "function" && typeof navigator.credentials?.create === "function";

const bytes = (value: string): Uint8Array<ArrayBuffer> => new Uint8Array(decodeBase64urlIgnorePadding(value));
const text = (buffer: ArrayBuffer): string => encodeBase64urlNoPadding(new Uint8Array(buffer));

/** The person cancelled the browser's passkey dialog (or it timed out): not an error to show as one. */
export const isCancelled = (error: unknown): boolean =>
  error instanceof DOMException && (error.name === "NotAllowedError" || error.name === "AbortError");

/**
 * Adds a passkey: options from the API (with the current password when signed in), the browser's
 * dialog, and the answer back to the API.
 */
export async function registerPasskey(name: string, currentPassword?: string) {
  const options = await fetchJson(() =>
    api.api.account["two-step"].passkeys.options.$post({
      json: currentPassword === undefined ? {} : { currentPassword },
    }),
  );
  const credential = await navigator.credentials.create({
    publicKey: {
      challenge: bytes(options.challenge),
      rp: options.rp,
      user: { id: bytes(options.user.id), name: options.user.name, displayName: options.user.displayName },
      pubKeyCredParams: options.algorithms.map((alg) => ({ type: "public-key" as const, alg })),
      excludeCredentials: options.excludeCredentials.map((id) => ({
        type: "public-key" as const,
        id: bytes(id),
      })),
      authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
      attestation: "none",
      timeout: options.timeout,
    },
  });
  if (!(credential instanceof PublicKeyCredential)) throw new DOMException("No passkey", "NotAllowedError");
  const response = credential.response as AuthenticatorAttestationResponse;
  return fetchJson(() =>
    api.api.account["two-step"].passkeys.$post({
      json: {
        name,
        clientDataJSON: text(response.clientDataJSON),
        attestationObject: text(response.attestationObject),
      },
    }),
  );
}

/** The second step of a sign-in with a passkey. */
export async function signInWithPasskey() {
  const options = await fetchJson(() => api.api.auth["two-step"].passkey.options.$post());
  const credential = await navigator.credentials.get({
    publicKey: {
      challenge: bytes(options.challenge),
      rpId: options.rpId,
      allowCredentials: options.allowCredentials.map((id) => ({
        type: "public-key" as const,
        id: bytes(id),
      })),
      userVerification: "preferred",
      timeout: options.timeout,
    },
  });
  if (!(credential instanceof PublicKeyCredential)) throw new DOMException("No passkey", "NotAllowedError");
  const response = credential.response as AuthenticatorAssertionResponse;
  return fetchJson(() =>
    api.api.auth["two-step"].passkey.$post({
      json: {
        credentialId: text(credential.rawId),
        clientDataJSON: text(response.clientDataJSON),
        authenticatorData: text(response.authenticatorData),
        signature: text(response.signature),
      },
    }),
  );
}
