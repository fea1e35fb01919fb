import { describe, expect, it } from "vitest";
import { buildInventory, SUPPORTED_TYPES } from "../../../../src/adapters/pulumi/inventory";
import { EXPOSURE_TYPES } from "../../../../src/adapters/pulumi/exposure";
import { DEFAULT_CONFIG } from "../../../../src/core/config";
import { resolveOptions, type AnyRule } from "../../../../src/core/rule";
import { NETWORK_RULES } from "../../../../src/rules/network";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

/** A small stack in preview (ids unknown, joined by dependencies), judged by every network rule. */
const T = {
  vpc: "aws:ec2/vpc:Vpc",
  subnet: "aws:ec2/subnet:Subnet",
  rt: "aws:ec2/routeTable:RouteTable",
  assoc: "aws:ec2/routeTableAssociation:RouteTableAssociation",
  igw: "aws:ec2/internetGateway:InternetGateway",
  sg: "aws:ec2/securityGroup:SecurityGroup",
  group: "aws:rds/subnetGroup:SubnetGroup",
  db: "aws:rds/instance:Instance",
  bucket: "aws:s3/bucket:Bucket",
  pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
  queue: "aws:sqs/queue:Queue",
  snapshot: "aws:rds/snapshot:Snapshot",
} as const;
const u = (type: string, name: string) => urnOf(type, name);
const restricted = { "data-classification": "restricted" };
const TLS_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [UNKNOWN, UNKNOWN], Condition: { Bool: { "aws:SecureTransport": "false" } } }],
};

function stack(openToInternet: boolean) {
  return [
    engineResource(T.vpc, "main", { cidrBlock: "10.0.0.0/16" }),
    engineResource(T.igw, "igw", { vpcId: UNKNOWN }, { vpcId: [u(T.vpc, "main")] }),
    engineResource(T.subnet, "private-a", { vpcId: UNKNOWN, cidrBlock: "10.0.1.0/24" }, { vpcId: [u(T.vpc, "main")] }),
    engineResource(T.subnet, "public-a", { vpcId: UNKNOWN, cidrBlock: "10.0.9.0/24", mapPublicIpOnLaunch: true }, { vpcId: [u(T.vpc, "main")] }),
    engineResource(T.rt, "private", { vpcId: UNKNOWN, routes: [] }, { vpcId: [u(T.vpc, "main")] }),
    engineResource(T.rt, "public", { vpcId: UNKNOWN, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: UNKNOWN }] }, { vpcId: [u(T.vpc, "main")], routes: [u(T.igw, "igw")] }),
    engineResource(T.assoc, "private-a", { subnetId: UNKNOWN, routeTableId: UNKNOWN }, { subnetId: [u(T.subnet, "private-a")], routeTableId: [u(T.rt, "private")] }),
    engineResource(T.assoc, "public-a", { subnetId: UNKNOWN, routeTableId: UNKNOWN }, { subnetId: [u(T.subnet, "public-a")], routeTableId: [u(T.rt, "public")] }),
    engineResource(
      T.sg,
      "db",
      { vpcId: UNKNOWN, ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: [openToInternet ? "0.0.0.0/0" : "10.0.0.0/16"] }] },
      { vpcId: [u(T.vpc, "main")] },
    ),
    engineResource(T.group, "db", { name: "db-subnets", subnetIds: [UNKNOWN] }, { subnetIds: [u(T.subnet, "private-a")] }),
    engineResource(
      T.db,
      "orders-db",
      { publiclyAccessible: false, dbSubnetGroupName: UNKNOWN, vpcSecurityGroupIds: [UNKNOWN], storageEncrypted: true, tags: restricted },
      { dbSubnetGroupName: [u(T.group, "db")], vpcSecurityGroupIds: [u(T.sg, "db")] },
    ),
    engineResource(T.bucket, "orders", { tags: restricted }),
    engineResource(T.pab, "orders", { bucket: UNKNOWN, blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }, { bucket: [u(T.bucket, "orders")] }),
    engineResource(T.bucketPolicy, "orders", { bucket: UNKNOWN, policy: TLS_POLICY }, { bucket: [u(T.bucket, "orders")], policy: [u(T.bucket, "orders")] }),
    engineResource(T.queue, "events", { tags: restricted, policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "111122223333" }, Action: "sqs:SendMessage", Resource: "*" }] }) }),
    engineResource(T.snapshot, "orders-snap", { dbInstanceIdentifier: UNKNOWN, sharedAccounts: openToInternet ? ["all"] : [] }, { dbInstanceIdentifier: [u(T.db, "orders-db")] }),
  ];
}

const judge = (resources: ReturnType<typeof stack>) => {
  const inventory = buildInventory(resources);
  const run = (rule: AnyRule) => rule.evaluate(inventory, { config: DEFAULT_CONFIG, options: resolveOptions(rule, {}) });
  return Object.fromEntries(NETWORK_RULES.map((r) => [r.slug, run(r).map((o) => `${o.status} ${o.resource.id.split("::").pop()}`)]));
};

describe("the network rules on a stack built by the Pulumi adapter", () => {
  it("finds nothing wrong in the compliant stack", () => {
    expect(judge(stack(false))).toEqual({
      "data-store-not-publicly-accessible": ["pass orders-db"],
      "data-store-security-groups-closed-to-internet": ["pass orders-db"],
      "data-store-in-private-subnets": ["pass orders-db"],
      "s3-bucket-public-access-blocked": ["pass orders"],
      "s3-bucket-acl-not-public": ["pass orders"],
      "s3-bucket-policy-not-public": ["pass orders"],
      // The deny names the bucket by its ARN, which preview does not know yet: not assessed, never passed.
      "s3-bucket-requires-tls": ["unknown orders"],
      "security-groups-closed-to-internet-on-data-ports": ["pass db"],
      "default-security-groups-admit-nothing": ["pass main"],
      "resource-policies-not-public": ["pass events"],
      "snapshots-and-images-shared-only-with-trusted-accounts": ["pass orders-snap"],
    });
  });

  it("finds the planted violations", () => {
    const resources = stack(true).map((r) => (r.name === "db" && r.type === T.group ? { ...r, propertyDependencies: { subnetIds: [u(T.subnet, "public-a")] } } : r));
    const verdicts = judge(resources);
    expect(verdicts["data-store-security-groups-closed-to-internet"]).toEqual(["fail orders-db"]);
    expect(verdicts["security-groups-closed-to-internet-on-data-ports"]).toEqual(["fail db"]);
    expect(verdicts["data-store-in-private-subnets"]).toEqual(["fail orders-db"]);
    expect(verdicts["snapshots-and-images-shared-only-with-trusted-accounts"]).toEqual(["fail orders-snap"]);
  });

  it("registers the exposure types with the adapter", () => {
    for (const t of EXPOSURE_TYPES) expect(SUPPORTED_TYPES).toContain(t);
  });
});
