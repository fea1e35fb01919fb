import { describe, expect, it } from "vitest";
import { isUnknown, unknown } from "../../src/core/value";
import {
  describeTraffic,
  normalizeProtocol,
  portRangeContains,
  portRangesOverlap,
  trafficMatches,
  trafficOf,
  type Traffic,
} from "../../src/network/ports";

const rule = (protocol: string | undefined, fromPort?: number, toPort?: number) => ({ protocol, fromPort, toPort });

describe("protocols", () => {
  it.each([
    ["-1", "all"],
    ["ALL", "all"],
    ["6", "tcp"],
    ["TCP", "tcp"],
    ["17", "udp"],
    ["1", "icmp"],
    ["58", "icmpv6"],
    ["50", "50"],
  ])("%s -> %s", (p, expected) => expect(normalizeProtocol(p)).toBe(expected));
});

describe("trafficOf", () => {
  it.each([
    ["-1 with 0-0 ports covers every port", rule("-1", 0, 0), { protocol: "all", ports: { from: 0, to: 65535 } }],
    ["all without ports", rule("all"), { protocol: "all", ports: { from: 0, to: 65535 } }],
    ["tcp 0-65535", rule("tcp", 0, 65535), { protocol: "tcp", ports: { from: 0, to: 65535 } }],
    ["tcp -1/-1 is every port", rule("tcp", -1, -1), { protocol: "tcp", ports: { from: 0, to: 65535 } }],
    ["tcp 5000-6000", rule("6", 5000, 6000), { protocol: "tcp", ports: { from: 5000, to: 6000 } }],
    ["icmp has no ports", rule("icmp", 8, 0), { protocol: "icmp", ports: undefined }],
  ])("%s", (_name, r, expected) => expect(trafficOf(r, "r")).toEqual(expected));

  it.each([
    ["reversed range", rule("tcp", 6000, 5000)],
    ["port over 65535", rule("tcp", 0, 70000)],
    ["no protocol", rule(undefined, 1, 2)],
  ])("%s is Unknown(error)", (_name, r) => {
    const t = trafficOf(r, "ingress[0] of sg");
    expect(isUnknown(t) && t.reason).toBe("error");
    expect(isUnknown(t) && t.detail).toMatch(/ingress\[0\] of sg/);
  });

  it("an unknown port stays Unknown(preview)", () => {
    const t = trafficOf({ protocol: "tcp", fromPort: unknown("preview", "x"), toPort: 5 }, "r");
    expect(isUnknown(t) && t.reason).toBe("preview");
  });
});

describe("port ranges and matching", () => {
  const tcp = (from: number, to: number): Traffic => ({ protocol: "tcp", ports: { from, to } });
  it.each([
    ["5432 in 5000-6000", tcp(5000, 6000), { protocol: "tcp", ports: { from: 5432, to: 5432 } }, true],
    ["5432 not in 3306", tcp(3306, 3306), { protocol: "tcp", ports: { from: 5432, to: 5432 } }, false],
    ["udp rule, tcp query", { protocol: "udp", ports: { from: 0, to: 65535 } }, { protocol: "tcp", ports: { from: 53, to: 53 } }, false],
    ["all protocols match tcp", { protocol: "all", ports: { from: 0, to: 65535 } }, { protocol: "tcp", ports: { from: 22, to: 22 } }, true],
    ["query for all protocols matches udp", { protocol: "udp", ports: { from: 53, to: 53 } }, { protocol: "-1" }, true],
    ["icmp rule, tcp query", { protocol: "icmp", ports: undefined }, { protocol: "tcp", ports: { from: 22, to: 22 } }, false],
    ["edge overlap", tcp(1000, 2000), { protocol: "tcp", ports: { from: 2000, to: 3000 } }, true],
    ["adjacent, no overlap", tcp(1000, 1999), { protocol: "tcp", ports: { from: 2000, to: 3000 } }, false],
  ])("%s", (_name, traffic, query, expected) => expect(trafficMatches(traffic as Traffic, query)).toBe(expected));

  it("containment and overlap of ranges", () => {
    expect(portRangeContains({ from: 0, to: 65535 }, { from: 5432, to: 5432 })).toBe(true);
    expect(portRangeContains({ from: 5000, to: 6000 }, { from: 4000, to: 5500 })).toBe(false);
    expect(portRangesOverlap({ from: 5000, to: 6000 }, { from: 4000, to: 5500 })).toBe(true);
  });

  it.each([
    [{ protocol: "all", ports: { from: 0, to: 65535 } }, "all traffic"],
    [{ protocol: "tcp", ports: { from: 5432, to: 5432 } }, "tcp/5432"],
    [{ protocol: "tcp", ports: { from: 5000, to: 6000 } }, "tcp/5000-6000"],
    [{ protocol: "udp", ports: { from: 0, to: 65535 } }, "udp/all ports"],
    [{ protocol: "icmp", ports: undefined }, "icmp"],
  ])("describes %j as %s", (t, text) => expect(describeTraffic(t as Traffic)).toBe(text));
});
