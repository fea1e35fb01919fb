import type { Cluster, ClusterSubnetGroup } from "@aws-sdk/client-redshift";
import { unknown, type Val } from "../../core/value";
import { encryptedWith, notEncrypted } from "../../encryption/at-rest";
import type { Fetched } from "../../fetchers/aws/fetched";
import type { RedshiftAnswers } from "../../fetchers/aws/redshift";
import type { DataStore, EncryptionAtRest } from "../../models/data-store";
import type { NetworkRef, SubnetGroup } from "../../models/network";
import type { Placement } from "../../models/placement";
import { STORE_KIND_FACTS, storeLabel } from "../../models/store-kind-facts";
import type { AdaptContext } from "./context";
import type { CoverageGap, InventoryContribution } from "./contribution";
import { gapOf, tagsOfList, unknownOf } from "./fetched";
import { keyedEncryption } from "./keyed-encryption";
import { arnOf, awsRef } from "./refs";

const KIND = "redshift-cluster";
const FACTS = STORE_KIND_FACTS[KIND].encryption;

interface Scope {
  readonly ctx: AdaptContext;
  readonly region: string;
}

const redshiftArn = (s: Scope, resource: string): string => arnOf(s.ctx.partition, "redshift", s.region, s.ctx.account, resource);

/**
 * `Encrypted` with `KmsKeyId`; encrypted without a key means Redshift's AWS-owned key (every new
 * cluster since January 2025). Redshift reports the switch on every cluster; a missing one is
 * read as AWS's default.
 */
export function clusterEncryption(c: Cluster, s: Scope): EncryptionAtRest {
  const on = c.Encrypted ?? FACTS.onByDefault;
  if (!on) return notEncrypted("Encrypted=false");
  if (c.KmsKeyId) return keyedEncryption(s.ctx, c.KmsKeyId, s.region, "KmsKeyId");
  return encryptedWith(FACTS.keyless, `${c.Encrypted === undefined ? "Encrypted not reported" : "Encrypted=true"} without KmsKeyId: AWS-owned key`);
}

function subnetGroupModel(g: ClusterSubnetGroup, s: Scope): SubnetGroup | undefined {
  const name = g.ClusterSubnetGroupName;
  if (!name) return undefined;
  return {
    kind: "subnet-group",
    service: "redshift",
    ref: awsRef(redshiftArn(s, `subnetgroup:${name}`), "AWS::Redshift::ClusterSubnetGroup", name, "Redshift subnet group", s.ctx.account, s.region),
    awsId: name,
    name,
    subnets: (g.Subnets ?? []).flatMap((n) => (n.SubnetIdentifier ? [n.SubnetIdentifier] : [])),
  };
}

/** The subnet group a cluster names: its model id and subnets when listed, else its name and why the subnets are not known. */
function groupPart(name: string, groups: Fetched<SubnetGroup[]>): Pick<Placement, "subnetGroup" | "subnetGroupService" | "subnets"> {
  const group = groups.ok ? groups.value.find((g) => g.name === name) : undefined;
  if (group) return { subnetGroup: group.ref.id, subnetGroupService: "redshift", subnets: group.subnets };
  const subnets = groups.ok
    ? unknown("not-fetched", `Redshift subnet group ${name} was not in the DescribeClusterSubnetGroups answer`)
    : unknownOf(groups.failure);
  return { subnetGroup: name, subnetGroupService: "redshift", subnets };
}

/** Unset, `PubliclyAccessible` is private (AWS's default since January 2025); Redshift reports it on every cluster. */
export function clusterPlacement(c: Cluster, groups: Fetched<SubnetGroup[]>): Placement {
  const id = c.ClusterIdentifier ?? "";
  const name = c.ClusterSubnetGroupName;
  const securityGroups: Val<readonly NetworkRef[]> = [
    ...new Set((c.VpcSecurityGroups ?? []).flatMap((g) => (g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : []))),
  ];
  return {
    publiclyAccessible: c.PubliclyAccessible,
    publicWhenUnset: false,
    ...(name ? groupPart(name, groups) : { subnets: unknown("not-fetched", `${id} names no subnet group: AWS places it in the default VPC`), defaultVpc: true }),
    securityGroups,
    inVpc: true,
    observed: `PubliclyAccessible=${c.PubliclyAccessible === undefined ? "not reported" : String(c.PubliclyAccessible)}, ClusterSubnetGroupName ${name ?? "not reported"}`,
  };
}

function clusterStore(c: Cluster, s: Scope): DataStore {
  const id = c.ClusterIdentifier ?? "";
  return {
    model: "data-store",
    ref: awsRef(redshiftArn(s, `cluster:${id}`), "AWS::Redshift::Cluster", id, storeLabel(KIND), s.ctx.account, s.region),
    kind: KIND,
    physicalName: id,
    tags: tagsOfList(c.Tags),
    encryption: clusterEncryption(c, s),
    parts: [],
  };
}

/** One region's provisioned clusters (stores, with their placements) and cluster subnet groups (network). */
export function adaptRedshift(raw: RedshiftAnswers, ctx: AdaptContext): InventoryContribution {
  const s: Scope = { ctx, region: raw.region };
  const groups: Fetched<SubnetGroup[]> = raw.subnetGroups.ok
    ? { ok: true, value: raw.subnetGroups.value.flatMap((g) => subnetGroupModel(g, s) ?? []) }
    : raw.subnetGroups;
  const stores: DataStore[] = [];
  const placements: [string, Placement][] = [];
  for (const c of raw.clusters.ok ? raw.clusters.value : []) {
    if (!c.ClusterIdentifier) continue;
    const store = clusterStore(c, s);
    stores.push(store);
    placements.push([store.ref.id, clusterPlacement(c, groups)]);
  }
  const gaps: CoverageGap[] = [];
  if (!raw.clusters.ok) gaps.push(gapOf(raw.clusters.failure, "Redshift clusters"));
  if (!groups.ok) gaps.push(gapOf(groups.failure, "Redshift cluster subnet groups"));
  return { stores, placements, network: { subnetGroups: groups.ok ? groups.value : [] }, gaps };
}
