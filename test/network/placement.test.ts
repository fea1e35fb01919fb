import { describe, expect, it } from "vitest";
import { isUnknown, unknown } from "../../src/core/value";
import type { SubnetGroup } from "../../src/models/network";
import type { Placement } from "../../src/models/placement";
import { effectivePublicAccess, mergePlacements } from "../../src/network/merge-placements";
import { indexNetwork } from "../../src/network/network-index";
import { resolvePlacement } from "../../src/network/resolve-placement";
import { graph, sg, subnet } from "./graph-fixtures";

const PREVIEW = unknown("preview", "computed");
const base: Placement = { publiclyAccessible: undefined, subnets: [], securityGroups: [], inVpc: true, observed: "base" };
const group = (id: string, name: string, service: SubnetGroup["service"], subnets: SubnetGroup["subnets"]): SubnetGroup => ({
  kind: "subnet-group",
  service,
  ref: { id, type: "t", name: id, label: "subnet group" },
  name,
  subnets,
});

describe("resolvePlacement", () => {
  const net = indexNetwork(
    graph({
      subnets: [subnet("urn-s1", "vpc-1", { awsId: "subnet-1" }), subnet("urn-s2", "vpc-1", { awsId: "subnet-2" })],
      securityGroups: [sg("urn-sg", [], { awsId: "sg-1", name: "db-sg" })],
      subnetGroups: [group("urn-rds-g", "main", "rds", ["subnet-1", "urn-s2"]), group("urn-cache-g", "main", "elasticache", ["subnet-2"])],
    }),
  );
  const viaGroup = (subnetGroup: string, service?: SubnetGroup["service"]): Placement => ({
    ...base,
    subnetGroup,
    ...(service ? { subnetGroupService: service } : {}),
    subnets: unknown("not-fetched", "from the group"),
  });

  it.each<[string, Placement, unknown]>([
    ["a group by name within its service", viaGroup("main", "rds"), ["urn-s1", "urn-s2"]],
    ["the same name in another service", viaGroup("main", "elasticache"), ["urn-s2"]],
    ["a group by URN", viaGroup("urn-rds-g"), ["urn-s1", "urn-s2"]],
    ["a group outside the graph", viaGroup("other", "rds"), "not-fetched"],
    ["subnets by AWS id", { ...base, subnets: ["subnet-1", "subnet-9"] }, ["urn-s1", "subnet-9"]],
    ["an unknown group", { ...base, subnetGroup: PREVIEW, subnets: unknown("not-fetched", "from the group") }, "preview"],
  ])("%s", (_name, placement, expected) => {
    const subnets = resolvePlacement(net, placement).subnets;
    expect(isUnknown(subnets) ? subnets.reason : subnets).toEqual(expected);
  });

  it("security groups by AWS id or name", () => {
    const p = resolvePlacement(net, { ...base, securityGroups: ["sg-1", "db-sg", "sg-other"] });
    expect(p.securityGroups).toEqual(["urn-sg", "sg-other"]);
  });
});

describe("mergePlacements", () => {
  it.each<[string, Placement["publiclyAccessible"], boolean | undefined, Placement["publiclyAccessible"], unknown]>([
    ["any public part makes it public", false, undefined, true, true],
    ["an unset switch takes the AWS default", undefined, true, false, true],
    ["an unknown part leaves a private store unknown", false, undefined, PREVIEW, "preview"],
    ["all private", false, undefined, false, false],
  ])("%s", (_name, own, publicWhenUnset, part, expected) => {
    const owner: Placement = { ...base, publiclyAccessible: own, ...(publicWhenUnset !== undefined ? { publicWhenUnset } : {}) };
    const merged = mergePlacements(owner, { ...base, publiclyAccessible: part }, true);
    const v = effectivePublicAccess(merged);
    expect(isUnknown(v) ? v.reason : v).toEqual(expected);
  });

  it("unites subnets and security groups of full parts, keeps the owner's for access-only parts", () => {
    const a: Placement = { ...base, subnets: ["s1"], securityGroups: ["g1"] };
    const b: Placement = { ...base, subnets: ["s2", "s1"], securityGroups: ["g2"] };
    expect(mergePlacements(a, b)).toMatchObject({ subnets: ["s1", "s2"], securityGroups: ["g1", "g2"], observed: "base; base" });
    expect(mergePlacements(a, b, true)).toMatchObject({ subnets: ["s1"], securityGroups: ["g1"] });
  });
});
