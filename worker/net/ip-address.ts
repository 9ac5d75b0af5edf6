// IP addresses as numbers: parsing the dotted and colon forms and telling which ranges are not the
// public internet. Used by the outbound URL guard (./outbound-url.ts) and by the sign-in throttle,
// which counts an IPv6 client by its /64 (one subscriber gets a whole /64 and can hop inside it).

/** Four octets of a dotted-decimal IPv4 address (the form the URL parser normalises every IPv4 to). */
export function parseIpv4(text: string): [number, number, number, number] | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? (octets as [number, number, number, number]) : null;
}

/** The eight 16-bit groups of an IPv6 address (with or without brackets, "::" and an IPv4 tail). */
export function parseIpv6(input: string): number[] | null {
  const text = input.startsWith("[") && input.endsWith("]") ? input.slice(1, -1) : input;
  if (!text.includes(":") || text.includes("%")) return null;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parseHalf = (half: string): number[] | null => {
    if (half === "") return [];
    const groups: number[] = [];
    const pieces = half.split(":");
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes(".")) {
        const v4 = parseIpv4(piece);
        if (!v4) return null;
        groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
        groups.push(Number.parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = parseHalf(halves[0]!);
  const tail = halves.length === 2 ? parseHalf(halves[1]!) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : null;
}

const inV4 = (a: number[], [net, bits]: [number[], number]): boolean => {
  const value = (x: number[]) => ((x[0]! << 24) | (x[1]! << 16) | (x[2]! << 8) | x[3]!) >>> 0;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (value(a) & mask) >>> 0 === (value(net) & mask) >>> 0;
};

/** IPv4 ranges that are not the public internet (IANA special-purpose registry, RFC 6890). */
const NON_PUBLIC_V4: [number[], number, string][] = [
  [[0, 0, 0, 0], 8, "this network"],
  [[10, 0, 0, 0], 8, "private"],
  [[100, 64, 0, 0], 10, "shared (carrier-grade NAT)"],
  [[127, 0, 0, 0], 8, "loopback"],
  [[169, 254, 0, 0], 16, "link-local (cloud metadata)"],
  [[172, 16, 0, 0], 12, "private"],
  [[192, 0, 0, 0], 24, "IETF protocol assignments"],
  [[192, 0, 2, 0], 24, "documentation"],
  [[192, 88, 99, 0], 24, "6to4 relay"],
  [[192, 168, 0, 0], 16, "private"],
  [[198, 18, 0, 0], 15, "benchmarking"],
  [[198, 51, 100, 0], 24, "documentation"],
  [[203, 0, 113, 0], 24, "documentation"],
  [[224, 0, 0, 0], 4, "multicast"],
  [[240, 0, 0, 0], 4, "reserved"],
];

/** Why an IPv4 address is not on the public internet, or null when it is. */
export function describeNonPublicIpv4(octets: number[]): string | null {
  const hit = NON_PUBLIC_V4.find(([net, bits]) => inV4(octets, [net, bits]));
  return hit ? hit[2] : null;
}

const v4Inside = (groups: number[], from: number): number[] => [
  groups[from]! >> 8,
  groups[from]! & 0xff,
  groups[from + 1]! >> 8,
  groups[from + 1]! & 0xff,
];

/** Why an IPv6 address is not on the public internet, or null when it is. */
export function describeNonPublicIpv6(groups: number[]): string | null {
  const [g0 = 0, g1 = 0] = groups;
  const zeroUpTo = (n: number) => groups.slice(0, n).every((g) => g === 0);
  if (zeroUpTo(7) && groups[7] === 1) return "loopback";
  if (zeroUpTo(8)) return "unspecified";
  // IPv4 carried inside IPv6: judged by the IPv4 address it reaches.
  if (zeroUpTo(5) && groups[5] === 0xffff) return describeNonPublicIpv4(v4Inside(groups, 6)) ?? null;
  if (zeroUpTo(6)) return describeNonPublicIpv4(v4Inside(groups, 6)) ?? "IPv4-compatible (deprecated)";
  if (g0 === 0x64 && g1 === 0xff9b) return describeNonPublicIpv4(v4Inside(groups, 6)) ?? null;
  if (g0 === 0x2002) return describeNonPublicIpv4(v4Inside(groups, 1)) ?? null;
  if ((g0 & 0xfe00) === 0xfc00) return "unique local";
  if ((g0 & 0xffc0) === 0xfe80) return "link-local";
  if ((g0 & 0xffc0) === 0xfec0) return "site-local (deprecated)";
  if ((g0 & 0xff00) === 0xff00) return "multicast";
  if (g0 === 0x2001 && g1 === 0x0db8) return "documentation";
  if (g0 === 0x2001 && g1 === 0) return "Teredo tunnel";
  if (g0 === 0x0100 && groups.slice(1, 4).every((g) => g === 0)) return "discard-only";
  return null;
}

/**
 * The part of a client address that identifies one subscriber: the whole IPv4 address, or the
 * /64 of an IPv6 address. Anything else is kept as it is.
 */
export function subscriberOf(address: string): string {
  const groups = parseIpv6(address);
  if (!groups) return address;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return v4Inside(groups, 6).join(".");
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}
