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

/** Segment tags on a segment's own network resources and key; UNKNOWN for tags computed in preview. */
export interface GuardTags {
  key?: string;
  appSg?: string;
  dbSg?: string;
  subnet?: string;
  subnetGroup?: string;
}

export interface SegmentOver {
  keyOf?: string;
  sgOf?: string;
  groupOf?: string;
  dbTags?: Record<string, string>;
  guardTags?: GuardTags;
  /**
   * "known": an existing stack, every id and ARN known and references joined by value only (no
   * propertyDependencies); default "preview": ids unknown, joined by propertyDependencies.
   */
  mode?: "preview" | "known";
}

const tagsOf = (segment: string | undefined, extra: Record<string, string> = {}) =>
  segment === UNKNOWN ? { tags: UNKNOWN } : segment === undefined ? (Object.keys(extra).length ? { tags: extra } : {}) : { tags: { ...extra, "customer-segment": segment } };

/** Known ids and ARNs of segment s's resources (existing stack). */
export const ids = (s: string) => ({
  vpc: `vpc-0${s}`,
  subnet: `subnet-0${s}`,
  subnetGroup: `dbgroup-${s}`,
  keyArn: `arn:aws:kms:eu-west-1:111122223333:key/0000000${s}-1111-2222-3333-444444444444`,
  appSg: `sg-0app${s}`,
  dbSg: `sg-0db${s}`,
});

/** One segment's resources: VPC, subnet, subnet group, key, SG, database, app function. */
export function segment(s: string, over: SegmentOver = {}): EngineResource[] {
  const key = over.keyOf ?? s;
  const sg = over.sgOf ?? s;
  const group = over.groupOf ?? s;
  const g = over.guardTags ?? {};
  const known = over.mode === "known";
  /** The value a reference to segment x's resource has: known id, or the unknown sentinel. */
  const ref = (x: string, what: keyof ReturnType<typeof ids>) => (known ? ids(x)[what] : UNKNOWN);
  const deps = (d: Record<string, string[]>) => (known ? {} : d);
  const own = known ? ids(s) : undefined;
  return [
    engineResource(T.vpc, `vpc-${s}`, { ...(own ? { id: own.vpc } : {}), cidrBlock: "10.0.0.0/16", tags: { "customer-segment": s } }),
    engineResource(T.subnet, `subnet-${s}`, { ...(own ? { id: own.subnet } : {}), vpcId: ref(s, "vpc"), cidrBlock: "10.0.1.0/24", ...tagsOf(g.subnet) }, deps({ vpcId: [u("vpc", `vpc-${s}`)] })),
    engineResource(
      T.subnetGroup,
      `dbgroup-${s}`,
      { ...(own ? { id: own.subnetGroup, name: own.subnetGroup } : {}), subnetIds: [ref(s, "subnet")], ...tagsOf(g.subnetGroup) },
      deps({ subnetIds: [u("subnet", `subnet-${s}`)] }),
    ),
    engineResource(T.key, `key-${s}`, { ...(own ? { arn: own.keyArn, keyId: own.keyArn.split("/")[1] } : {}), enableKeyRotation: true, ...tagsOf(g.key) }),
    engineResource(T.sg, `app-${s}`, { ...(own ? { id: own.appSg } : {}), vpcId: ref(s, "vpc"), ...tagsOf(g.appSg) }, deps({ vpcId: [u("vpc", `vpc-${s}`)] })),
    engineResource(
      T.sg,
      `db-${s}`,
      { ...(own ? { id: own.dbSg } : {}), vpcId: ref(s, "vpc"), ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: [ref(s, "appSg")] }], ...tagsOf(g.dbSg) },
      deps({ vpcId: [u("vpc", `vpc-${s}`)], ingress: [u("sg", `app-${s}`)] }),
    ),
    engineResource(
      T.db,
      `db-${s}`,
      { storageEncrypted: true, kmsKeyId: ref(key, "keyArn"), dbSubnetGroupName: ref(group, "subnetGroup"), vpcSecurityGroupIds: [ref(sg, "dbSg")], publiclyAccessible: false, tags: over.dbTags ?? seg(s) },
      deps({ kmsKeyId: [u("key", `key-${key}`)], dbSubnetGroupName: [u("subnetGroup", `dbgroup-${group}`)], vpcSecurityGroupIds: [u("sg", `db-${sg}`)] }),
    ),
    engineResource(
      T.lambda,
      `app-${s}`,
      { vpcConfig: { subnetIds: [ref(s, "subnet")], securityGroupIds: [ref(s, "appSg")] }, tags: { "customer-segment": s } },
      deps({ vpcConfig: [u("subnet", `subnet-${s}`), u("sg", `app-${s}`)] }),
    ),
  ];
}

/** Drops the resources named (type, name) from a list, e.g. a segment's own key when it borrows another's. */
export const without = (rs: EngineResource[], ...urns: string[]): EngineResource[] => rs.filter((r) => !urns.includes(r.urn));

export const stack = (...rs: EngineResource[][]): Inventory => buildInventory(rs.flat());
