import type { Cluster, ClusterSubnetGroup } from "@aws-sdk/client-redshift";
import type { Val } from "../../core/value";
import { encryptedWith, notEncrypted } from "../../encryption/at-rest";
import type { Fetched } from "../../fetchers/aws/fetched";
import type { RedshiftAnswers } from "../../fetchers/aws/redshift";
import type { DataStore, EncryptionAtRest } from "../../models/data-store";
import type { StoreHygiene } from "../../models/hygiene";
import type { NetworkRef, SubnetGroup } from "../../models/network";
import type { Placement } from "../../models/placement";
import { STORE_KIND_FACTS, storeLabel } from "../../models/store-kind-facts";
import { redshiftClusterHygiene } from "./analytics-hygiene";
import type { AdaptContext } from "./context";
import type { CoverageGap, InventoryContribution } from "./contribution";
import { gapOf, tagsOfList } from "./fetched";
import { keyedEncryption } from "./keyed-encryption";
import { listedSubnetGroup, listedSubnetGroups, subnetGroupPlacement, type SubnetGroupListing } from "./listed-subnet-groups";
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

const CLUSTER_SUBNET_GROUPS: SubnetGroupListing = { service: "redshift", label: "Redshift subnet group", operation: "DescribeClusterSubnetGroups" };

function subnetGroupModel(g: ClusterSubnetGroup, s: Scope): SubnetGroup | undefined {
  return listedSubnetGroup("redshift", g.ClusterSubnetGroupName, g.Subnets, (name) =>
    awsRef(redshiftArn(s, `subnetgroup:${name}`), "AWS::Redshift::ClusterSubnetGroup", name, "Redshift subnet group", s.ctx.account, s.region),
  );
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
    ...subnetGroupPlacement(name, id, groups, CLUSTER_SUBNET_GROUPS),
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
  const groups = listedSubnetGroups(raw.subnetGroups, (g) => subnetGroupModel(g, s));
  const stores: DataStore[] = [];
  const placements: [string, Placement][] = [];
  const hygiene: [string, StoreHygiene][] = [];
  for (const c of raw.clusters.ok ? raw.clusters.value : []) {
    if (!c.ClusterIdentifier) continue;
    const store = clusterStore(c, s);
    stores.push(store);
    placements.push([store.ref.id, clusterPlacement(c, groups)]);
    hygiene.push([store.ref.id, redshiftClusterHygiene(c, raw.loggingStatus?.[c.ClusterIdentifier], raw.requireSsl)]);
  }
  const gaps: CoverageGap[] = [];
  if (!raw.clusters.ok) gaps.push(gapOf(raw.clusters.failure, "Redshift clusters"));
  if (!groups.ok) gaps.push(gapOf(groups.failure, "Redshift cluster subnet groups"));
  return { stores, placements, network: { subnetGroups: groups.ok ? groups.value : [] }, hygiene: { stores: hygiene }, gaps };
}
