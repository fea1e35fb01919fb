import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG as DEFAULT } from "../../../src/core/config";
import { unknown } from "../../../src/core/value";
import type { Inventory } from "../../../src/models/inventory";
import { dataStoreNotPubliclyAccessible as rule } from "../../../src/rules/network/data-store-not-publicly-accessible";
import { subnet } from "../../network/graph-fixtures";
import { run, statuses } from "../../helpers/models";
import { db, exposures, network, placement, ref } from "./network-models";

const PREVIEW = unknown("preview", "publiclyAccessible of db is computed during the update");
const one = (p = placement(), over: Partial<Inventory> = {}): Partial<Inventory> => ({
  stores: [db()],
  placements: new Map([["urn:db", p]]),
  network: network(),
  ...over,
});
const ec2 = (subnets: string[], over: Partial<Inventory> = {}): Partial<Inventory> => ({
  ...one(placement({ publiclyAccessible: undefined, publicWhenUnset: undefined, subnetGroup: undefined, subnets, observed: "associatePublicIpAddress not set" })),
  stores: [db({ kind: "ec2-instance", ref: ref("urn:db", "EC2 instance", "db", "aws:ec2/instance:Instance") })],
  ...over,
});
const dms = (p = placement({ publiclyAccessible: undefined, publicWhenUnset: true, observed: "publiclyAccessible not set" })): Partial<Inventory> => ({
  stores: [],
  placements: new Map([["urn:dms", p]]),
  exposures: exposures({ "urn:dms": { resource: { ref: ref("urn:dms", "DMS replication instance", "replicator"), kind: "dms-replication-instance", tags: undefined } } }),
});
const instance = (partOf?: string) =>
  exposures({
    "urn:inst": {
      resource: {
        ref: ref("urn:inst", "RDS cluster instance", "inst-1"),
        kind: "cluster-instance",
        tags: undefined,
        ...(partOf ? { partOf } : {}),
        placement: placement({ publiclyAccessible: true, subnets: unknown("not-fetched", "its cluster's"), observed: "publiclyAccessible=true" }),
      },
    },
  });

describe("CDG-NET-001 data-store-not-publicly-accessible", () => {
  it.each<[string, Partial<Inventory>, string[]]>([
    ["compliant: publiclyAccessible=false", one(), ["pass"]],
    ["compliant: switch unset, AWS default private", one(placement({ publiclyAccessible: undefined })), ["pass"]],
    ["compliant: EC2 host without a public IP in a private subnet", ec2(["subnet-a"]), ["pass"]],
    ["compliant: classified public, not customer data", { ...one(placement({ publiclyAccessible: true })), stores: [db({ tags: { "data-classification": "public" } })] }, ["not-applicable"]],
    ["violation: publiclyAccessible=true", one(placement({ publiclyAccessible: true })), ["fail"]],
    ["violation: untagged store counts as customer data", { ...one(placement({ publiclyAccessible: true })), stores: [db({ tags: undefined })] }, ["fail"]],
    ["violation: OpenSearch domain outside a VPC", one(placement({ publiclyAccessible: true, inVpc: false, subnets: [], securityGroups: [], observed: "no vpcOptions: public endpoint" })), ["fail"]],
    ["violation: DMS replication instance, switch unset (public by default)", dms(), ["fail"]],
    ["violation: EC2 host in a subnet mapping public IPs", ec2(["subnet-pub"]), ["fail"]],
    ["violation: cluster instance judged on its own", { exposures: instance() }, ["fail"]],
    ["unknown: publiclyAccessible computed in preview", one(placement({ publiclyAccessible: PREVIEW })), ["unknown"]],
    ["unknown: tags computed in preview", { ...one(), stores: [db({ tags: PREVIEW })] }, ["unknown"]],
    ["unknown: EC2 subnet outside the stack", ec2(["subnet-elsewhere"]), ["unknown"]],
    ["unknown: EC2 subnet's mapPublicIpOnLaunch unknown", ec2(["subnet-x"], { network: network({ subnets: [subnet("subnet-x", "vpc-1", { mapPublicIpOnLaunch: PREVIEW })] }) }), ["unknown"]],
    ["unknown: EC2 subnets unknown", ec2([], { placements: new Map([["urn:db", placement({ publiclyAccessible: undefined, publicWhenUnset: undefined, subnets: PREVIEW })]]) }), ["unknown"]],
  ])("%s", (_name, inv, expected) => {
    expect(statuses(run(rule, inv))).toEqual(expected);
  });

  it("leaves a cluster instance to its cluster when the cluster is placed", () => {
    const inv = { ...one(), exposures: instance("urn:db") };
    expect(run(rule, inv).map((o) => o.resource.id)).toEqual(["urn:db"]);
  });

  it("names the resource and the observed setting", () => {
    const [o] = run(rule, one(placement({ publiclyAccessible: true, observed: "publiclyAccessible=true" })));
    expect(o?.message).toBe("RDS instance 'db' is publicly accessible (publiclyAccessible=true)");
    const [e] = run(rule, ec2(["subnet-pub"]));
    expect(e?.message).toContain("subnet subnet-pub maps public IPs on launch");
  });

  it("says why it was not assessed", () => {
    const [o] = run(rule, one(placement({ publiclyAccessible: PREVIEW })));
    expect(o).toMatchObject({ status: "unknown", reason: "preview" });
    expect(o?.message).toContain("publiclyAccessible of db is computed");
  });

  it("honours customerDataLevels", () => {
    const config = { ...DEFAULT, customerDataLevels: ["restricted" as const] };
    const inv = { ...one(placement({ publiclyAccessible: true })), stores: [db({ tags: { "data-classification": "confidential" } })] };
    expect(statuses(run(rule, inv, {}, config))).toEqual(["not-applicable"]);
  });
});

