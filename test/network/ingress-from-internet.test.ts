import { describe, expect, it } from "vitest";
import { isUnknown, unknown } from "../../src/core/value";
import type { RulePeer, SecurityGroupRule } from "../../src/models/network";
import { parseAddressRanges } from "../../src/network/address-ranges";
import { ingressFromInternet, ingressVerdict, type IngressOptions } from "../../src/network/ingress-from-internet";
import { indexNetwork } from "../../src/network/network-index";
import { graph, prefixList, rule, sg } from "./graph-fixtures";

const PREVIEW = unknown("preview", "computed");
const v4 = (cidr: string | typeof PREVIEW): RulePeer => ({ kind: "ipv4", cidr });
const v6 = (cidr: string): RulePeer => ({ kind: "ipv6", cidr });
const PG = { protocol: "tcp", ports: { from: 5432, to: 5432 } };

function judge(rules: SecurityGroupRule[], options: IngressOptions = {}, extra: Parameters<typeof graph>[0] = {}) {
  const group = sg("sg-db", rules);
  const net = indexNetwork(graph({ securityGroups: [group], prefixLists: [prefixList("pl-office", ["198.51.100.0/24"]), prefixList("pl-vpn", ["10.8.0.0/16"])], ...extra }));
  return ingressFromInternet(net, group, options);
}

const verdictOf = (rules: SecurityGroupRule[], options: IngressOptions = {}): string => {
  const v = ingressVerdict(judge(rules, options));
  return isUnknown(v) ? `unknown:${v.reason}` : v ? "open" : "closed";
};

describe("ingressFromInternet", () => {
  it.each<[string, SecurityGroupRule[], IngressOptions, string]>([
    ["no rules", [], {}, "closed"],
    ["0.0.0.0/0 on 5432", [rule([v4("0.0.0.0/0")])], {}, "open"],
    ["::/0 on 5432", [rule([v6("::/0")])], {}, "open"],
    ["a public /32", [rule([v4("203.0.113.10/32")])], {}, "open"],
    ["10.0.0.0/8 only", [rule([v4("10.0.0.0/8")])], {}, "closed"],
    ["172.16/12, 192.168/16, 100.64/10, fc00::/7", [rule([v4("172.16.0.0/12"), v4("192.168.0.0/16"), v4("100.64.0.0/10"), v6("fd00::/8")])], {}, "closed"],
    ["172.32.0.0/16 is public", [rule([v4("172.32.0.0/16")])], {}, "open"],
    ["a security group reference", [rule([{ kind: "security-group", group: "sg-app" }])], {}, "closed"],
    ["self", [rule([{ kind: "self" }])], {}, "closed"],
    ["an unknown CIDR", [rule([v4(PREVIEW)])], {}, "unknown:preview"],
    ["unknown sources", [rule(PREVIEW)], {}, "unknown:preview"],
    ["an invalid CIDR", [rule([v4("10.0.0.0/99")])], {}, "unknown:error"],
    ["an unknown CIDR next to an open one", [rule([v4(PREVIEW), v4("0.0.0.0/0")])], {}, "open"],
    ["a prefix list with a public block", [rule([{ kind: "prefix-list", prefixList: "pl-office" }])], {}, "open"],
    ["a prefix list of private blocks", [rule([{ kind: "prefix-list", prefixList: "pl-vpn" }])], {}, "closed"],
    ["a prefix list outside the graph", [rule([{ kind: "prefix-list", prefixList: "pl-123" }])], {}, "unknown:not-fetched"],
    ["open on 22 when asked about 5432", [rule([v4("0.0.0.0/0")], "tcp", 22)], { traffic: PG }, "closed"],
    ["open on 5000-6000 when asked about 5432", [rule([v4("0.0.0.0/0")], "tcp", 5000, 6000)], { traffic: PG }, "open"],
    ["all protocols (-1) when asked about 5432", [rule([v4("0.0.0.0/0")], "-1", 0, 0)], { traffic: PG }, "open"],
    ["0-65535 when asked about 5432", [rule([v4("0.0.0.0/0")], "tcp", 0, 65535)], { traffic: PG }, "open"],
    ["udp when asked about tcp", [rule([v4("0.0.0.0/0")], "udp", 5432)], { traffic: PG }, "closed"],
    ["unknown ports, open source, asked about 5432", [rule([v4("0.0.0.0/0")], "tcp", PREVIEW)], { traffic: PG }, "unknown:preview"],
    ["unknown ports, open source, no port asked", [rule([v4("0.0.0.0/0")], "tcp", PREVIEW)], {}, "open"],
    ["unknown CIDR on another port", [rule([v4(PREVIEW)], "tcp", 22)], { traffic: PG }, "closed"],
    ["a range configured as private", [rule([v4("203.0.113.0/24")])], { privateRanges: parseAddressRanges(["10.0.0.0/8", "203.0.113.0/24"]).ranges }, "closed"],
  ])("%s -> %s", (_name, rules, options, expected) => {
    expect(verdictOf(rules, options)).toBe(expected);
  });

  it("returns each offending rule with its traffic and source", () => {
    const r = rule([v4("10.0.0.0/8"), v4("0.0.0.0/0"), v6("::/0")], "tcp", 5000, 6000, "ingress[1] of db-sg");
    const result = judge([r]);
    expect(result.open.map((o) => [o.rule.origin, o.source, o.traffic])).toEqual([
      ["ingress[1] of db-sg", "0.0.0.0/0", { protocol: "tcp", ports: { from: 5000, to: 6000 } }],
      ["ingress[1] of db-sg", "::/0", { protocol: "tcp", ports: { from: 5000, to: 6000 } }],
    ]);
    expect(result.undetermined).toEqual([]);
  });

  it("a separate rule of an unknown group makes every group undetermined", () => {
    const stray = rule([v4("0.0.0.0/0")], "tcp", 5432, 5432, "rule allow-all");
    const group = sg("sg-db");
    const net = indexNetwork(graph({ securityGroups: [group], unattachedRules: [{ securityGroup: PREVIEW, rule: stray }] }));
    const result = ingressFromInternet(net, group);
    expect(result.undetermined.map((u) => u.rule.origin)).toEqual(["rule allow-all"]);
    expect(ingressFromInternet(net, group, { traffic: { protocol: "tcp", ports: { from: 22, to: 22 } } }).undetermined).toEqual([]);
  });

  it("a separate rule naming its group by AWS id joins it", () => {
    const group = sg("urn-sg", [], { awsId: "sg-0abc" });
    const net = indexNetwork(graph({ securityGroups: [group], unattachedRules: [{ securityGroup: "sg-0abc", rule: rule([v4("0.0.0.0/0")]) }] }));
    expect(ingressVerdict(ingressFromInternet(net, group))).toBe(true);
  });
});
