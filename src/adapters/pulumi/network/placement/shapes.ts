import { isUnknown, unknown, type Val } from "../../../../core/value";
import { VPC_DEFAULT_SECURITY_GROUP, type NetworkRef, type SubnetGroupService } from "../../../../models/network";
import type { Placement } from "../../../../models/placement";
import type { Props } from "../../props";
import { References } from "../references";
import { SECURITY_GROUP_TYPES, SUBNET_TYPES, subnetGroupTypesOf } from "../types";
import { isSet } from "../values";

/** Placements are read from one resource: references resolve by dependency, values stay as configured. */
export const byDependency = new References();

/** A switch the program set, or undefined (the provider computes unset optional switches). */
export function switchOf(p: Props, path: string | undefined): Val<boolean | undefined> {
  return path !== undefined && isSet(p, path) ? p.bool(path) : undefined;
}

/** Security groups named by id (and, for some services, by name); none set is the VPC's default group. */
export function securityGroupsOf(p: Props, ...paths: string[]): Val<readonly NetworkRef[]> {
  const out: NetworkRef[] = [];
  for (const path of paths) {
    if (!isSet(p, path)) continue;
    const groups = byDependency.refs(p, path, SECURITY_GROUP_TYPES);
    if (isUnknown(groups)) return groups;
    out.push(...groups);
  }
  return out.length > 0 ? [...new Set(out)] : [VPC_DEFAULT_SECURITY_GROUP];
}

export function subnetsOf(p: Props, path: string): Val<readonly NetworkRef[]> {
  return isSet(p, path) ? byDependency.refs(p, path, SUBNET_TYPES) : [];
}

/** A single subnet property (`subnetId`) as a list of zero or one subnet. */
export function subnetOf(p: Props, path: string): Val<readonly NetworkRef[]> {
  if (!isSet(p, path)) return [];
  const subnet = byDependency.ref(p, path, SUBNET_TYPES);
  return isUnknown(subnet) ? subnet : subnet === undefined ? [] : [subnet];
}

export const describeSetting = (p: Props, path: string | undefined): string => {
  if (path === undefined) return "";
  const v = p.get(path);
  if (isUnknown(v)) return `${path} unknown`;
  if (v === undefined || v === null || v === "") return `${path} not set`;
  return Array.isArray(v) ? `${path}: ${v.length}` : typeof v === "boolean" ? `${path}=${v}` : `${path} set`;
};

export interface SubnetGroupStore {
  readonly service: SubnetGroupService;
  readonly groupPath: string;
  readonly securityGroupPaths: readonly string[];
  /** The public-access switch, if the store has one. */
  readonly publicPath?: string;
  /** AWS's answer when the switch is unset (or always, for stores without one). */
  readonly publicWhenUnset?: boolean;
}

/** A store placed by naming a subnet group (RDS, DocumentDB, Neptune, Redshift, ElastiCache, DMS). */
export function subnetGroupPlacement(p: Props, s: SubnetGroupStore): Placement {
  const name = p.resource.name;
  const group = isSet(p, s.groupPath) ? byDependency.ref(p, s.groupPath, subnetGroupTypesOf(s.service)) : undefined;
  const subnets =
    group === undefined
      ? unknown("not-fetched", `${name} names no subnet group: AWS places it in the default VPC`)
      : unknown("not-fetched", `the subnets of ${name}'s subnet group are joined in the stack view`);
  return {
    publiclyAccessible: switchOf(p, s.publicPath),
    ...(s.publicWhenUnset !== undefined ? { publicWhenUnset: s.publicWhenUnset } : {}),
    ...(group !== undefined ? { subnetGroup: group, subnetGroupService: s.service } : {}),
    subnets,
    securityGroups: securityGroupsOf(p, ...s.securityGroupPaths),
    inVpc: true,
    ...(group === undefined ? { defaultVpc: true } : {}),
    observed: [describeSetting(p, s.publicPath), describeSetting(p, s.groupPath)].filter(Boolean).join(", "),
  };
}

export interface SubnetListStore {
  readonly subnetPaths: readonly string[];
  readonly securityGroupPaths: readonly string[];
  readonly publicPath?: string;
  readonly publicWhenUnset?: boolean;
}

/** A store placed by listing subnets; none listed puts it in the default VPC. */
export function subnetListPlacement(p: Props, s: SubnetListStore): Placement {
  const lists = s.subnetPaths.map((path) => subnetsOf(p, path));
  const pending = lists.find(isUnknown);
  const subnets = pending ?? [...new Set(lists.flatMap((l) => (isUnknown(l) ? [] : l)))];
  const defaultVpc = !isUnknown(subnets) && subnets.length === 0;
  return {
    publiclyAccessible: switchOf(p, s.publicPath),
    ...(s.publicWhenUnset !== undefined ? { publicWhenUnset: s.publicWhenUnset } : {}),
    subnets: defaultVpc ? unknown("not-fetched", `${p.resource.name} names no subnets: AWS places it in the default VPC`) : subnets,
    securityGroups: securityGroupsOf(p, ...s.securityGroupPaths),
    inVpc: true,
    ...(defaultVpc ? { defaultVpc: true } : {}),
    observed: [describeSetting(p, s.publicPath), ...s.subnetPaths.map((path) => describeSetting(p, path))].filter(Boolean).join(", "),
  };
}
