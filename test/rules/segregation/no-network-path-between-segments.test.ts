import { describe, expect, it } from "vitest";
import { noNetworkPathBetweenSegments as rule } from "../../../src/rules/segregation";
import { engineResource, UNKNOWN } from "../../helpers/engine";
import { run, statuses } from "../../helpers/models";
import { segment, stack, T, u } from "./segment-stack";

/** Segment b's database security group also admits segment a's application group (a separate rule resource). */
function crossAdmitting() {
  const rule = engineResource(
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "b-from-a",
    { securityGroupId: UNKNOWN, referencedSecurityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 5432, toPort: 5432 },
    { securityGroupId: [u("sg", "db-b")], referencedSecurityGroupId: [u("sg", "app-a")] },
  );
  return stack(segment("a"), segment("b"), [rule]);
}

describe("CDG-SEG-003 no-network-path-between-segments", () => {
  it("compliant: each store admits only its own segment's compute", () => {
    expect(statuses(run(rule, stack(segment("a"), segment("b"))))).toEqual(["pass", "pass"]);
  });

  it("violation: segment b's database admits segment a's application", () => {
    const fails = run(rule, crossAdmitting()).filter((o) => o.status === "fail");
    expect(fails.map((o) => [o.resource.name, o.message])).toEqual([
      ["db-b", expect.stringMatching(/RDS instance 'db-b' \(segment 'b'\): .* admits compute of segment 'a'/)],
    ]);
  });

  it("violation: the two segments' VPCs are peered", () => {
    const peering = engineResource(T.peering, "a-to-b", { vpcId: UNKNOWN, peerVpcId: UNKNOWN }, { vpcId: [u("vpc", "vpc-a")], peerVpcId: [u("vpc", "vpc-b")] });
    const outcome = run(rule, stack(segment("a"), segment("b"), [peering])).find((o) => o.resource.name === "a-to-b");
    expect(outcome).toMatchObject({ status: "fail", message: "VPC peering connection 'a-to-b' joins the VPCs of segments 'a' and 'b'" });
  });

  it("unknown: a referenced security group is computed with no known source", () => {
    const a = segment("a").map((r) =>
      r.urn === u("sg", "db-a")
        ? engineResource(T.sg, "db-a", { vpcId: UNKNOWN, ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: UNKNOWN }] }, { vpcId: [u("vpc", "vpc-a")], ingress: [urnOfUnknownThing] })
        : r,
    );
    const o = run(rule, stack(a)).find((x) => x.resource.name === "db-a");
    expect(o?.status).toBe("unknown");
  });
});

const urnOfUnknownThing = "urn:pulumi:dev::shop::random:index/randomString:RandomString::r";
