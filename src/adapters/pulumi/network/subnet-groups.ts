import type { SubnetGroup } from "../../../models/network";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import type { References } from "./references";
import { SUBNET_GROUP_SERVICES, SUBNET_TYPES, T } from "./types";
import { optStr } from "./values";

const LABELS: Readonly<Record<SubnetGroup["service"], string>> = {
  rds: "RDS subnet group",
  elasticache: "ElastiCache subnet group",
  redshift: "Redshift subnet group",
  docdb: "DocumentDB subnet group",
  neptune: "Neptune subnet group",
  dms: "DMS replication subnet group",
};

/** The subnet groups of RDS, ElastiCache, Redshift, DocumentDB, Neptune and DMS; a group's name is its id. */
export function adaptSubnetGroup(p: Props, refs: References): SubnetGroup {
  const service = SUBNET_GROUP_SERVICES.get(p.resource.type) ?? "rds";
  const name = optStr(p, p.resource.type === T.dmsSubnetGroup ? "replicationSubnetGroupId" : "name");
  return {
    kind: "subnet-group",
    service,
    ref: refOf(p, LABELS[service]),
    ...(typeof name === "string" && name !== "" ? { awsId: name } : {}),
    name,
    subnets: refs.refs(p, "subnetIds", SUBNET_TYPES),
  };
}
