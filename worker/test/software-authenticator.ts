// A WebAuthn authenticator in software, for the tests: a real ECDSA P-256 key made with Web Crypto,
// real authenticator data and client data, real signatures. It answers as a browser would hand
// navigator.credentials.create() and .get() results to the console (binary parts in base64url),
// so the worker's verification runs unchanged against it.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase64urlNoPadding } from "@oslojs/encoding";

// --- A little CBOR (RFC 8949): what an attestation object and a COSE key need -------------------

function head(major: number, value: number): number[] {
  if (value < 24) return [(major << 5) | value];
  if (value < 256) return [(major << 5) | 24, value];
  if (value < 65536) return [(major << 5) | 25, value >> 8, value & 0xff];
  throw new Error("too long for this encoder");
}

type Cbor = number | string | Uint8Array | Map<number | string, Cbor>;

function encodeCbor(value: Cbor): number[] {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") {
    const bytes = new TextEncoder().encode(value);
    return [...head(3, bytes.length), ...bytes];
  }
  if (value instanceof Uint8Array) return [...head(2, value.length), ...value];
  const out = head(5, value.size);
  for (const [key, item] of value) out.push(...encodeCbor(key), ...encodeCbor(item));
  return out;
}

// --- Signatures ----------------------------------------------------------------------------------

/** Web Crypto's r‖s as the DER SEQUENCE a WebAuthn authenticator sends. */
function rawToDer(raw: Uint8Array): Uint8Array {
  const integer = (half: Uint8Array): number[] => {
    let start = 0;
    while (start < half.length - 1 && half[start] === 0) start++;
    const bytes = [...half.subarray(start)];
    if (bytes[0]! & 0x80) bytes.unshift(0);
    return [0x02, bytes.length, ...bytes];
  };
  const body = [...integer(raw.subarray(0, 32)), ...integer(raw.subarray(32))];
  return new Uint8Array([0x30, body.length, ...body]);
}

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_CREDENTIAL = 0x40;

export interface SoftwareAuthenticatorOptions {
  /** The origin the "browser" reports in clientDataJSON. */
  origin: string;
  /** The RP ID the key is scoped to. */
  rpId: string;
}

export interface Registration {
  clientDataJSON: string;
  attestationObject: string;
}

export interface AssertionAnswer {
  credentialId: string;
  clientDataJSON: string;
  authenticatorData: string;
  signature: string;
}

export async function createSoftwareAuthenticator(options: SoftwareAuthenticatorOptions) {
  const keys = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const point = new Uint8Array((await crypto.subtle.exportKey("raw", keys.publicKey)) as ArrayBuffer);
  const credentialId = crypto.getRandomValues(new Uint8Array(32));
  let counter = 0;

  const clientData = (type: "webauthn.create" | "webauthn.get", challenge: string, origin: string) =>
    new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

  const authenticatorData = (rpId: string, flags: number, count: number, attested: number[] = []) =>
    new Uint8Array([
      ...sha256(new TextEncoder().encode(rpId)),
      flags,
      (count >>> 24) & 0xff,
      (count >>> 16) & 0xff,
      (count >>> 8) & 0xff,
      count & 0xff,
      ...attested,
    ]);

  return {
    credentialId: encodeBase64urlNoPadding(credentialId),

    /** navigator.credentials.create() with attestation "none". */
    register(challenge: string, overrides: Partial<SoftwareAuthenticatorOptions> = {}): Registration {
      const coseKey = new Map<number, Cbor>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, point.slice(1, 33)],
        [-3, point.slice(33, 65)],
      ]);
      const attested = [
        ...new Uint8Array(16), // AAGUID: none
        credentialId.length >> 8,
        credentialId.length & 0xff,
        ...credentialId,
        ...encodeCbor(coseKey),
      ];
      const authData = authenticatorData(
        overrides.rpId ?? options.rpId,
        FLAG_USER_PRESENT | FLAG_USER_VERIFIED | FLAG_ATTESTED_CREDENTIAL,
        counter,
        attested,
      );
      const attestation = new Map<string, Cbor>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]);
      return {
        clientDataJSON: encodeBase64urlNoPadding(
          clientData("webauthn.create", challenge, overrides.origin ?? options.origin),
        ),
        attestationObject: encodeBase64urlNoPadding(new Uint8Array(encodeCbor(attestation))),
      };
    },

    /** navigator.credentials.get(): a real signature over authenticatorData ‖ SHA-256(clientDataJSON). */
    async assert(
      challenge: string,
      overrides: Partial<SoftwareAuthenticatorOptions> & { counter?: number } = {},
    ): Promise<AssertionAnswer> {
      counter = overrides.counter ?? counter + 1;
      const data = clientData("webauthn.get", challenge, overrides.origin ?? options.origin);
      const authData = authenticatorData(overrides.rpId ?? options.rpId, FLAG_USER_PRESENT, counter);
      const message = new Uint8Array([...authData, ...sha256(data)]);
      const raw = new Uint8Array(
        await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, keys.privateKey, message),
      );
      return {
        credentialId: encodeBase64urlNoPadding(credentialId),
        clientDataJSON: encodeBase64urlNoPadding(data),
        authenticatorData: encodeBase64urlNoPadding(authData),
        signature: encodeBase64urlNoPadding(rawToDer(raw)),
      };
    },
  };
}
