// Passkeys (WebAuthn Level 2) as a second step: parsing with @oslojs/webauthn, signatures checked
// with Web Crypto (ES256 and RS256). Attestation is not relied on: Verklaring asks for none and
// trusts the key because the signed-in account registered it (section 7.1, steps 21-24 leave
// that to the relying party's policy).
import {
  ClientDataType,
  COSEKeyType,
  coseAlgorithmES256,
  coseAlgorithmRS256,
  coseEllipticCurveP256,
  createAssertionSignatureMessage,
  parseAttestationObject,
  parseAuthenticatorData,
  parseClientDataJSON,
  type COSEPublicKey,
} from "@oslojs/webauthn";
import { encodeBase64urlNoPadding } from "@oslojs/encoding";

export const CHALLENGE_BYTES = 32;
export const CHALLENGE_MINUTES = 5;
export const PASSKEY_ALGORITHMS = [coseAlgorithmES256, coseAlgorithmRS256] as const;

/** Where a ceremony must have taken place: this site's origin and its host name as RP ID. */
export interface RelyingParty {
  origin: string;
  id: string;
}

export const relyingPartyOf = (url: string): RelyingParty => {
  const parsed = new URL(url);
  return { origin: parsed.origin, id: parsed.hostname };
};

/** A WebAuthn answer that does not verify; the message says which check failed (never a secret). */
export class PasskeyError extends Error {}

/** The client data, checked against the ceremony's type and the site's origin; its challenge comes back. */
function readClientData(json: Uint8Array, type: ClientDataType, rp: RelyingParty): Uint8Array {
  let clientData;
  try {
    clientData = parseClientDataJSON(json);
  } catch {
    throw new PasskeyError("clientDataJSON is not valid client data");
  }
  if (clientData.type !== type) throw new PasskeyError("clientDataJSON is for another ceremony");
  if (clientData.origin !== rp.origin) throw new PasskeyError("clientDataJSON is from another origin");
  if (clientData.crossOrigin) throw new PasskeyError("clientDataJSON comes from a cross-origin frame");
  return clientData.challenge;
}

const toBytes = (value: bigint, length: number): Uint8Array => {
  const out = new Uint8Array(length);
  for (let i = length - 1, v = value; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
};

const minimalBytes = (value: bigint): Uint8Array => {
  let length = 1;
  while (value >> BigInt(8 * length) > 0n) length++;
  return toBytes(value, length);
};

/** The COSE key as SPKI (DER), by way of a JWK that Web Crypto checks on import. */
async function coseToSpki(key: COSEPublicKey): Promise<{ algorithm: number; spki: Uint8Array }> {
  let jwk: JsonWebKey;
  let algorithm: number;
  try {
    algorithm = key.algorithm();
    if (key.type() === COSEKeyType.EC2 && algorithm === coseAlgorithmES256) {
      const ec = key.ec2();
      if (ec.curve !== coseEllipticCurveP256) throw new PasskeyError("the key is not on P-256");
      jwk = {
        kty: "EC",
        crv: "P-256",
        x: encodeBase64urlNoPadding(toBytes(ec.x, 32)),
        y: encodeBase64urlNoPadding(toBytes(ec.y, 32)),
      };
    } else if (key.type() === COSEKeyType.RSA && algorithm === coseAlgorithmRS256) {
      const rsa = key.rsa();
      jwk = {
        kty: "RSA",
        n: encodeBase64urlNoPadding(minimalBytes(rsa.n)),
        e: encodeBase64urlNoPadding(minimalBytes(rsa.e)),
      };
    } else {
      throw new PasskeyError("the key's algorithm is neither ES256 nor RS256");
    }
  } catch (error) {
    throw error instanceof PasskeyError ? error : new PasskeyError("the public key is not valid");
  }
  try {
    const imported = await crypto.subtle.importKey("jwk", jwk, importParams(algorithm), true, ["verify"]);
    return {
      algorithm,
      spki: new Uint8Array((await crypto.subtle.exportKey("spki", imported)) as ArrayBuffer),
    };
  } catch {
    throw new PasskeyError("the public key is not valid");
  }
}

const importParams = (algorithm: number): { name: string; namedCurve?: string; hash?: string } =>
  algorithm === coseAlgorithmES256
    ? { name: "ECDSA", namedCurve: "P-256" }
    : { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };

export interface NewPasskey {
  credentialId: Uint8Array;
  algorithm: number;
  publicKey: Uint8Array;
  signCount: number;
  challenge: Uint8Array;
}

/** A registration (navigator.credentials.create) checked; the caller then uses up its challenge. */
export async function verifyRegistration(
  input: { clientDataJSON: Uint8Array; attestationObject: Uint8Array },
  rp: RelyingParty,
): Promise<NewPasskey> {
  const challenge = readClientData(input.clientDataJSON, ClientDataType.Create, rp);
  let attestation;
  try {
    attestation = parseAttestationObject(input.attestationObject);
  } catch {
    throw new PasskeyError("attestationObject is not valid");
  }
  const data = attestation.authenticatorData;
  if (!data.verifyRelyingPartyIdHash(rp.id)) throw new PasskeyError("the key was made for another site");
  if (!data.userPresent) throw new PasskeyError("the authenticator did not see the user");
  if (!data.credential) throw new PasskeyError("the authenticator sent no credential");
  const { algorithm, spki } = await coseToSpki(data.credential.publicKey);
  return {
    credentialId: data.credential.id,
    algorithm,
    publicKey: spki,
    signCount: data.signatureCounter,
    challenge,
  };
}

/**
 * DER (SEQUENCE of two INTEGERs) to the r‖s form Web Crypto verifies, each half 32 bytes.
 * Null when it is not such a signature.
 */
function derToRawP256(der: Uint8Array): Uint8Array | null {
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  const out = new Uint8Array(64);
  let offset = 2;
  for (const half of [0, 32]) {
    if (der[offset] !== 0x02) return null;
    const length = der[offset + 1]!;
    let start = offset + 2;
    let size = length;
    if (start + size > der.length) return null;
    while (size > 32 && der[start] === 0) {
      start++;
      size--;
    }
    if (size > 32) return null;
    out.set(der.subarray(start, start + size), half + 32 - size);
    offset += 2 + length;
  }
  return offset === der.length ? out : null;
}

export interface Assertion {
  clientDataJSON: Uint8Array;
  authenticatorData: Uint8Array;
  signature: Uint8Array;
}

/**
 * An assertion (navigator.credentials.get) checked against the stored key. Returns the challenge
 * it answers and the authenticator's counter; the caller uses up the challenge and the counter.
 */
export async function verifyAssertion(
  input: Assertion,
  key: { algorithm: number; publicKey: Uint8Array },
  rp: RelyingParty,
): Promise<{ challenge: Uint8Array; signCount: number }> {
  const challenge = readClientData(input.clientDataJSON, ClientDataType.Get, rp);
  let data;
  try {
    data = parseAuthenticatorData(input.authenticatorData);
  } catch {
    throw new PasskeyError("authenticatorData is not valid");
  }
  if (!data.verifyRelyingPartyIdHash(rp.id)) throw new PasskeyError("the key was made for another site");
  if (!data.userPresent) throw new PasskeyError("the authenticator did not see the user");
  const message = createAssertionSignatureMessage(input.authenticatorData, input.clientDataJSON);
  const signature = key.algorithm === coseAlgorithmES256 ? derToRawP256(input.signature) : input.signature;
  let valid = false;
  if (signature) {
    try {
      const publicKey = await crypto.subtle.importKey(
        "spki",
        key.publicKey,
        importParams(key.algorithm),
        false,
        ["verify"],
      );
      valid = await crypto.subtle.verify(
        key.algorithm === coseAlgorithmES256 ? { name: "ECDSA", hash: "SHA-256" } : "RSASSA-PKCS1-v1_5",
        publicKey,
        signature,
        message,
      );
    } catch {
      valid = false;
    }
  }
  if (!valid) throw new PasskeyError("the signature does not verify");
  return { challenge, signCount: data.signatureCounter };
}
