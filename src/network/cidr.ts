/**
 * IPv4 and IPv6 CIDR blocks: parse, normalize, containment and overlap.
 * Invalid input gives a `CidrError` value naming the problem; nothing here throws.
 */

export type IpFamily = 4 | 6;

export interface Cidr {
  readonly family: IpFamily;
  /** The network address (host bits cleared), as an unsigned integer of 32 or 128 bits. */
  readonly network: bigint;
  readonly prefix: number;
  /** Canonical text: dotted quad, or RFC 5952 IPv6, with the host bits cleared. */
  readonly text: string;
  /** The input had bits set past the prefix (`10.0.0.1/8`); `network` has them cleared. */
  readonly hostBitsSet: boolean;
}

export interface CidrError {
  readonly input: string;
  readonly error: string;
}

export const isCidrError = (v: Cidr | CidrError): v is CidrError => "error" in v;

const WIDTH: Record<IpFamily, number> = { 4: 32, 6: 128 };

type Address = { family: IpFamily; value: bigint } | { error: string };

export function parseCidr(input: string): Cidr | CidrError {
  const fail = (error: string): CidrError => ({ input, error: `'${printable(input)}' is not a CIDR block: ${error}` });
  const text = input.trim();
  const slash = text.indexOf("/");
  if (slash < 0) return fail("no prefix length (expected address/length)");
  const address = parseAddress(text.slice(0, slash));
  if ("error" in address) return fail(address.error);
  const width = WIDTH[address.family];
  const prefixText = text.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText)) return fail(`prefix length '${printable(prefixText)}' is not a number`);
  const prefix = Number(prefixText);
  if (prefix > width) return fail(`prefix length ${prefix} is over ${width}`);
  const network = address.value & maskOf(width, prefix);
  return {
    family: address.family,
    network,
    prefix,
    text: `${formatAddress(address.family, network)}/${prefix}`,
    hostBitsSet: network !== address.value,
  };
}

/** The canonical form of a CIDR block (host bits cleared, IPv6 compressed), or why it is invalid. */
export function normalizeCidr(input: string): string | CidrError {
  const c = parseCidr(input);
  return isCidrError(c) ? c : c.text;
}

/** Whether every address of `inner` is in `outer`; blocks of different families never contain each other. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || outer.prefix > inner.prefix) return false;
  const shift = BigInt(WIDTH[outer.family] - outer.prefix);
  return outer.network >> shift === inner.network >> shift;
}

/** Whether the blocks share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

function maskOf(width: number, prefix: number): bigint {
  const all = (1n << BigInt(width)) - 1n;
  return (all >> BigInt(width - prefix)) << BigInt(width - prefix);
}

function parseAddress(text: string): Address {
  if (text.includes(":")) return parseIpv6(text);
  const v4 = parseIpv4(text);
  return "error" in v4 ? v4 : { family: 4, value: v4.value };
}

function parseIpv4(text: string): { value: bigint } | { error: string } {
  const parts = text.split(".");
  if (parts.length !== 4) return { error: "an IPv4 address has four dot-separated numbers" };
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return { error: `'${printable(part)}' is not a decimal octet` };
    const n = Number(part);
    if (n > 255) return { error: `octet ${n} is over 255` };
    value = (value << 8n) | BigInt(n);
  }
  return { value };
}

function parseIpv6(text: string): Address {
  const lower = text.toLowerCase();
  const halves = lower.split("::");
  if (halves.length > 2) return { error: "'::' appears more than once" };
  const head = groupsOf(halves[0] as string);
  const tail = halves.length === 2 ? groupsOf(halves[1] as string) : [];
  if ("error" in head) return head;
  if ("error" in tail) return tail;
  const compressed = halves.length === 2;
  const count = head.length + tail.length;
  if (compressed && count > 7) return { error: `'::' must stand for at least one group, but ${count} groups are given besides it` };
  if (!compressed && count !== 8) return { error: `an IPv6 address has 8 groups, found ${count}` };
  const groups = [...head, ...new Array<bigint>(8 - count).fill(0n), ...tail];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | g;
  return { family: 6, value };
}

/** 16-bit groups of one side of `::`; an embedded IPv4 address may end the last side. */
function groupsOf(side: string): bigint[] | { error: string } {
  if (side === "") return [];
  const parts = side.split(":");
  const out: bigint[] = [];
  for (const [i, part] of parts.entries()) {
    if (part.includes(".") && i === parts.length - 1) {
      const v4 = parseIpv4(part);
      if ("error" in v4) return v4;
      out.push(v4.value >> 16n, v4.value & 0xffffn);
    } else if (/^[0-9a-f]{1,4}$/.test(part)) out.push(BigInt(`0x${part}`));
    else return { error: `'${printable(part)}' is not an IPv6 group` };
  }
  return out;
}

function formatAddress(family: IpFamily, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  const [start, length] = longestZeroRun(groups);
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(":");
  if (length < 2) return hex(groups);
  return `${hex(groups.slice(0, start))}::${hex(groups.slice(start + length))}`;
}

/** The first longest run of zero groups (RFC 5952 compresses it). */
function longestZeroRun(groups: number[]): [number, number] {
  let best: [number, number] = [0, 0];
  let start = -1;
  for (let i = 0; i <= groups.length; i++) {
    if (i < groups.length && groups[i] === 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start > best[1]) best = [start, i - start];
      start = -1;
    }
  }
  return best;
}

/**
 * Inputs are resource or configuration values: only address-like text is shown, cut short,
 * so a value misplaced into a CIDR field never reaches a message.
 */
function printable(s: string): string {
  if (!/^[0-9A-Fa-f:./ -]*$/.test(s)) return "(a value that is not an address)";
  return s.length > 48 ? `${s.slice(0, 45)}...` : s;
}
