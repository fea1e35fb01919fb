import { describe, expect, it } from "vitest";
import { parseAddressRanges, DEFAULT_PRIVATE_RANGES, reachesBeyond } from "../../src/network/address-ranges";
import { cidrContains, cidrsOverlap, isCidrError, normalizeCidr, parseCidr, type Cidr } from "../../src/network/cidr";
import { isUnknown } from "../../src/core/value";

const cidr = (text: string): Cidr => {
  const c = parseCidr(text);
  if (isCidrError(c)) throw new Error(c.error);
  return c;
};

describe("parseCidr / normalizeCidr", () => {
  it.each([
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["10.0.0.0/8", "10.0.0.0/8"],
    ["10.1.2.3/8", "10.0.0.0/8"],
    ["192.168.1.7/32", "192.168.1.7/32"],
    [" 172.16.0.0/12 ", "172.16.0.0/12"],
    ["255.255.255.255/32", "255.255.255.255/32"],
    ["::/0", "::/0"],
    ["2001:DB8::/32", "2001:db8::/32"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001/128", "2001:db8::1/128"],
    ["2001:db8:0:0:1:0:0:1/128", "2001:db8::1:0:0:1/128"],
    ["fd00::1/8", "fd00::/8"],
    ["::ffff:10.0.0.0/104", "::ffff:a00:0/104"],
    ["1:2:3:4:5:6:7:8/128", "1:2:3:4:5:6:7:8/128"],
    ["1::/16", "1::/16"],
    ["::1/128", "::1/128"],
    ["2001:db8:0:1:1:1:1:1/128", "2001:db8:0:1:1:1:1:1/128"],
  ])("%s normalizes to %s", (input, expected) => {
    expect(normalizeCidr(input)).toBe(expected);
  });

  it.each([
    ["10.0.0.0", /no prefix length/],
    ["10.0.0/8", /four dot-separated/],
    ["10.0.0.256/8", /octet 256 is over 255/],
    ["10.0.0.01/32", /not a decimal octet/],
    ["10.0.0.0/33", /prefix length 33 is over 32/],
    ["10.0.0.0/-1", /not a number/],
    ["10.0.0.0/", /not a number/],
    ["::/129", /over 128/],
    ["1:2:3:4:5:6:7:8:9/128", /8 groups, found 9/],
    ["1::2::3/64", /more than once/],
    ["12345::/16", /not an IPv6 group/],
    ["1:2:3:4:5:6:7/112", /8 groups, found 7/],
    ["1:2:3:4:5:6:7::8/128", /at least one group, but 8 groups/],
    ["fe80::1%eth0/64", /not an IPv6 group/],
    ["not-a-cidr", /no prefix length/],
    ["secret-token/8", /'\(a value that is not an address\)' is not a CIDR block/],
    ["", /no prefix length/],
  ])("%s is a clear error, not an exception", (input, message) => {
    const c = parseCidr(input);
    expect(isCidrError(c)).toBe(true);
    expect(isCidrError(c) && c.error).toMatch(message);
  });

  it("flags host bits past the prefix", () => {
    expect(cidr("10.1.2.3/8").hostBitsSet).toBe(true);
    expect(cidr("10.0.0.0/8").hostBitsSet).toBe(false);
  });

  it("cuts long inputs short and never shows text that is not an address", () => {
    const long = parseCidr(`${"1".repeat(200)}/8`);
    expect(isCidrError(long) && long.error.length).toBeLessThan(140);
    const secret = parseCidr("hunter2");
    expect(isCidrError(secret) && secret.error).not.toMatch(/hunter2/);
  });
});

describe("cidrContains / cidrsOverlap", () => {
  it.each([
    ["0.0.0.0/0", "10.0.0.0/8", true, true],
    ["10.0.0.0/8", "0.0.0.0/0", false, true],
    ["10.0.0.0/8", "10.255.255.255/32", true, true],
    ["10.0.0.0/8", "11.0.0.0/8", false, false],
    ["10.0.0.0/16", "10.0.128.0/17", true, true],
    ["10.0.0.0/17", "10.0.128.0/17", false, false],
    ["10.0.0.0/32", "10.0.0.0/32", true, true],
    ["10.0.0.0/32", "10.0.0.1/32", false, false],
    ["8.0.0.0/6", "10.0.0.0/8", true, true],
    ["::/0", "2001:db8::/32", true, true],
    ["fc00::/7", "fd12:3456::/32", true, true],
    ["fc00::/7", "fe80::/10", false, false],
    ["2001:db8::1/128", "2001:db8::1/128", true, true],
    ["2001:db8::/128", "2001:db8::1/128", false, false],
    ["0.0.0.0/0", "::/0", false, false],
    ["::ffff:0:0/96", "0.0.0.0/0", false, false],
  ])("%s contains %s: %s; overlap: %s", (outer, inner, contains, overlaps) => {
    expect(cidrContains(cidr(outer), cidr(inner))).toBe(contains);
    expect(cidrsOverlap(cidr(outer), cidr(inner))).toBe(overlaps);
  });
});

describe("private ranges", () => {
  it.each([
    ["0.0.0.0/0", true],
    ["::/0", true],
    ["10.0.0.0/8", false],
    ["10.20.30.40/32", false],
    ["172.16.0.0/12", false],
    ["172.32.0.0/16", true],
    ["192.168.10.0/24", false],
    ["100.64.0.0/10", false],
    ["100.128.0.0/16", true],
    ["8.0.0.0/6", true],
    ["203.0.113.7/32", true],
    ["fd00::/8", false],
    ["2001:db8::/32", true],
  ])("%s reaches beyond the private ranges: %s", (c, expected) => {
    expect(reachesBeyond(c, DEFAULT_PRIVATE_RANGES, "test")).toBe(expected);
  });

  it("an invalid CIDR is Unknown(error), never open or closed", () => {
    const v = reachesBeyond("10.0.0.0/40", DEFAULT_PRIVATE_RANGES, "ingress[0] of db");
    expect(isUnknown(v) && v.reason).toBe("error");
    expect(isUnknown(v) && v.detail).toMatch(/ingress\[0\] of db: '10.0.0.0\/40' is not a CIDR block/);
  });

  it("configured ranges report invalid entries instead of throwing", () => {
    const { ranges, errors } = parseAddressRanges(["10.0.0.0/8", "bogus", "203.0.113.0/24"]);
    expect(errors.map((e) => e.input)).toEqual(["bogus"]);
    expect(reachesBeyond("203.0.113.9/32", ranges, "t")).toBe(false);
    expect(reachesBeyond("192.168.0.0/16", ranges, "t")).toBe(true);
  });
});
