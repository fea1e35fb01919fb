import { unknown, type Val } from "../core/value";
import { cidrContains, isCidrError, parseCidr, type Cidr, type CidrError } from "./cidr";

/** RFC 1918, RFC 6598 (carrier-grade NAT) and RFC 4193 (IPv6 unique local) ranges. */
export const DEFAULT_PRIVATE_CIDRS: readonly string[] = [
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "100.64.0.0/10",
  "fc00::/7",
];

/** A set of address ranges, e.g. the ranges an organization counts as private. */
export class AddressRanges {
  constructor(readonly cidrs: readonly Cidr[]) {}

  /** Whether the whole block lies inside one of the ranges. */
  containsAll(block: Cidr): boolean {
    return this.cidrs.some((r) => cidrContains(r, block));
  }
}

/** Parses configured ranges; invalid entries are returned, not thrown. */
export function parseAddressRanges(texts: readonly string[]): { ranges: AddressRanges; errors: readonly CidrError[] } {
  const cidrs: Cidr[] = [];
  const errors: CidrError[] = [];
  for (const t of texts) {
    const c = parseCidr(t);
    if (isCidrError(c)) errors.push(c);
    else cidrs.push(c);
  }
  return { ranges: new AddressRanges(cidrs), errors };
}

export const DEFAULT_PRIVATE_RANGES: AddressRanges = parseAddressRanges(DEFAULT_PRIVATE_CIDRS).ranges;

/**
 * Whether a CIDR reaches outside the private ranges (so, the internet): `0.0.0.0/0`, `::/0`,
 * any public block, or a block only partly private. An invalid CIDR is Unknown("error").
 */
export function reachesBeyond(cidr: string, privateRanges: AddressRanges, where: string): Val<boolean> {
  const c = parseCidr(cidr);
  if (isCidrError(c)) return unknown("error", `${where}: ${c.error}`);
  return !privateRanges.containsAll(c);
}
