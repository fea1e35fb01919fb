import { describe, expect, it } from "vitest";
import { isUnknown, unknown, type Val } from "../../src/core/value";
import type { SecurityGroupRule } from "../../src/models/network";
import { admits, type Admission } from "../../src/network/admits";
import { indexNetwork } from "../../src/network/network-index";
import { graph, rule, sg } from "./graph-fixtures";

const PREVIEW = unknown("preview", "computed");
const PG = { protocol: "tcp", ports: { from: 5432, to: 5432 } };
const from = (group: string | typeof PREVIEW) => rule([{ kind: "security-group", group }]);

const answer = (v: Val<Admission>): string => (isUnknown(v) ? `unknown:${v.reason}` : v.admits ? "admits" : "denies");

describe("admits", () => {
  it.each<[string, SecurityGroupRule[], string]>([
    ["no rules", [], "denies"],
    ["a rule from the app group on 5432", [from("sg-app")], "admits"],
    ["a rule from the app group by AWS id", [from("sg-0app")], "admits"],
    ["a rule from another group", [from("sg-other")], "denies"],
    ["a rule from the app group on another port", [rule([{ kind: "security-group", group: "sg-app" }], "tcp", 3306)], "denies"],
    ["all protocols from the app group", [rule([{ kind: "security-group", group: "sg-app" }], "-1", 0, 0)], "admits"],
    ["a port range including 5432", [rule([{ kind: "security-group", group: "sg-app" }], "tcp", 5000, 6000)], "admits"],
    ["a CIDR rule does not count", [rule([{ kind: "ipv4", cidr: "10.0.0.0/8" }])], "denies"],
    ["an unknown referenced group", [from(PREVIEW)], "unknown:preview"],
    ["unknown ports from the app group", [rule([{ kind: "security-group", group: "sg-app" }], "tcp", PREVIEW)], "unknown:preview"],
    ["a known admitting rule decides over an unknown one", [from(PREVIEW), from("sg-app")], "admits"],
    ["self does not admit another group", [rule([{ kind: "self" }])], "denies"],
  ])("%s -> %s", (_name, rules, expected) => {
    const app = sg("sg-app", [], { awsId: "sg-0app" });
    const db = sg("sg-db", rules);
    const net = indexNetwork(graph({ securityGroups: [app, db] }));
    expect(answer(admits(net, app, db, PG))).toBe(expected);
  });

  it("a self rule admits the group's own members", () => {
    const db = sg("sg-db", [rule([{ kind: "self" }], "-1", 0, 0, "ingress[0] of db")]);
    const net = indexNetwork(graph({ securityGroups: [db] }));
    const v = admits(net, "sg-db", db, PG);
    expect(isUnknown(v) ? v : v.via?.origin).toBe("ingress[0] of db");
  });
});
