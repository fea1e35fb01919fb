// A two-segment stack in preview (ids unknown, joins by propertyDependencies), built through the
// real Pulumi adapter, so segregation rules are tested on the graph they see in a preview.
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import type { Inventory } from "../../../src/models/inventory";
import { engineResource, UNKNOWN, urnOf } from "../../helpers/engine";

export const T = {
  vpc: "aws:ec2/vpc:Vpc",
  subnet: "aws:ec2/subnet:Subnet",
  sg: "aws:ec2/securityGroup:SecurityGroup",
  subnetGroup: "aws:rds/subnetGroup:SubnetGroup",
  key: "aws:kms/key:Key",
  db: "aws:rds/instance:Instance",
  lambda: "aws:lambda/function:Function",
  peering: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
} as const;

export const u = (type: keyof typeof T, name: string): string => urnOf(T[type], name);

const seg = (s: string) => ({ "data-classification": "restricted", "customer-segment": s });

/** One segment's resources: VPC, subnet, subnet group, key, SG, database, app function. */
export function segment(s: string, over: { keyOf?: string; sgOf?: string; groupOf?: string; dbTags?: Record<string, string> } = {}): EngineResource[] {
  const key = over.keyOf ?? s;
  const sg = over.sgOf ?? s;
  const group = over.groupOf ?? s;
  return [
    engineResource(T.vpc, `vpc-${s}`, { cidrBlock: "10.0.0.0/16", tags: { "customer-segment": s } }),
    engineResource(T.subnet, `subnet-${s}`, { vpcId: UNKNOWN, cidrBlock: "10.0.1.0/24" }, { vpcId: [u("vpc", `vpc-${s}`)] }),
    engineResource(T.subnetGroup, `dbgroup-${s}`, { subnetIds: [UNKNOWN] }, { subnetIds: [u("subnet", `subnet-${s}`)] }),
    engineResource(T.key, `key-${s}`, { enableKeyRotation: true }),
    engineResource(T.sg, `app-${s}`, { vpcId: UNKNOWN }, { vpcId: [u("vpc", `vpc-${s}`)] }),
    engineResource(
      T.sg,
      `db-${s}`,
      { vpcId: UNKNOWN, ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: [UNKNOWN] }] },
      { vpcId: [u("vpc", `vpc-${s}`)], ingress: [u("sg", `app-${s}`)] },
    ),
    engineResource(
      T.db,
      `db-${s}`,
      { storageEncrypted: true, kmsKeyId: UNKNOWN, dbSubnetGroupName: UNKNOWN, vpcSecurityGroupIds: [UNKNOWN], publiclyAccessible: false, tags: over.dbTags ?? seg(s) },
      { kmsKeyId: [u("key", `key-${key}`)], dbSubnetGroupName: [u("subnetGroup", `dbgroup-${group}`)], vpcSecurityGroupIds: [u("sg", `db-${sg}`)] },
    ),
    engineResource(
      T.lambda,
      `app-${s}`,
      { vpcConfig: { subnetIds: [UNKNOWN], securityGroupIds: [UNKNOWN] }, tags: { "customer-segment": s } },
      { vpcConfig: [u("subnet", `subnet-${s}`), u("sg", `app-${s}`)] },
    ),
  ];
}

/** Drops the resources named (type, name) from a list, e.g. a segment's own key when it borrows another's. */
export const without = (rs: EngineResource[], ...urns: string[]): EngineResource[] => rs.filter((r) => !urns.includes(r.urn));

export const stack = (...rs: EngineResource[][]): Inventory => buildInventory(rs.flat());
