import type { Tags } from "../../../core/classification";
import type { Val } from "../../../core/value";
import type { StoreExposure } from "../../../models/exposure";
import type { SubnetGroupService } from "../../../models/network";
import type { ResourceRef } from "../../../models/ref";
import type { AdaptContext } from "../context";
import { arnOf, awsRef } from "../refs";

/** The three database families the RDS API serves, told apart by `Engine`. */
export type RdsFamily = "rds" | "docdb" | "neptune";

export const familyOf = (engine: string | undefined): RdsFamily =>
  engine === "docdb" ? "docdb" : engine === "neptune" ? "neptune" : "rds";

/** CloudFormation types of the deployed resources, per family. */
export const CLUSTER_TYPES: Readonly<Record<RdsFamily, string>> = {
  rds: "AWS::RDS::DBCluster",
  docdb: "AWS::DocDB::DBCluster",
  neptune: "AWS::Neptune::DBCluster",
};
export const INSTANCE_TYPES: Readonly<Record<RdsFamily, string>> = {
  rds: "AWS::RDS::DBInstance",
  docdb: "AWS::DocDB::DBInstance",
  neptune: "AWS::Neptune::DBInstance",
};
export const CLUSTER_INSTANCE_LABELS: Readonly<Record<RdsFamily, string>> = {
  rds: "RDS cluster instance",
  docdb: "DocumentDB cluster instance",
  neptune: "Neptune cluster instance",
};
/** The subnet-group service a placement of each family names, as the Pulumi front names it. */
export const SUBNET_GROUP_SERVICE: Readonly<Record<RdsFamily, SubnetGroupService>> = { rds: "rds", docdb: "docdb", neptune: "neptune" };

export const GLOBAL_CLUSTER_TYPE = "AWS::RDS::GlobalCluster";
export const SUBNET_GROUP_TYPE = "AWS::RDS::DBSubnetGroup";
/** AWS Config's names: CloudFormation has no snapshot types. */
export const SNAPSHOT_TYPE = "AWS::RDS::DBSnapshot";
export const CLUSTER_SNAPSHOT_TYPE = "AWS::RDS::DBClusterSnapshot";

/** What the adapters of one region's answers need to name resources. */
export interface RdsScope {
  readonly ctx: AdaptContext;
  readonly region: string;
}

export const refIn = (s: RdsScope, arn: string, type: string, name: string, label: string): ResourceRef =>
  awsRef(arn, type, name, label, s.ctx.account, s.region);

/** `arn:...:rds:REGION:ACCOUNT:db:ID` and the like, for answers that name a resource by identifier. */
export const rdsArn = (s: RdsScope, resourceType: "db" | "cluster" | "snapshot" | "cluster-snapshot" | "subgrp", id: string): string =>
  arnOf(s.ctx.partition, "rds", s.region, s.ctx.account, `${resourceType}:${id}`);

/** An identifier that is already an ARN (cross-Region sources), else that resource's ARN in this region. */
export const arnOrBuilt = (s: RdsScope, resourceType: "db" | "cluster" | "snapshot" | "cluster-snapshot", idOrArn: string): string =>
  idOrArn.startsWith("arn:") ? idOrArn : rdsArn(s, resourceType, idOrArn);

/** The region of an ARN (`arn:PARTITION:SERVICE:REGION:...`), empty for global resources. */
export const regionOfArn = (arn: string): string | undefined => arn.split(":")[3];

/** Tags of the exposed resources that are not stores (cluster instances, snapshots), for the inventory's tag map. */
export const tagsOfExposed = (exposures: readonly (readonly [string, StoreExposure])[]): [string, Val<Tags | undefined>][] =>
  exposures.flatMap(([id, e]) => (e.resource ? [[id, e.resource.tags] as [string, Val<Tags | undefined>]] : []));
