import type { Namespace, Tag, Workgroup } from "@aws-sdk/client-redshift-serverless";
import type { Tags } from "../../core/classification";
import { unknown, type Val } from "../../core/value";
import { encryptedWith } from "../../encryption/at-rest";
import type { Fetched } from "../../fetchers/aws/fetched";
import type { RedshiftNamespaceAnswer, RedshiftServerlessAnswers } from "../../fetchers/aws/redshift-serverless";
import type { DataStore, EncryptionAtRest } from "../../models/data-store";
import type { StoreHygiene } from "../../models/hygiene";
import type { Placement } from "../../models/placement";
import { STORE_KIND_FACTS, storeLabel } from "../../models/store-kind-facts";
import { VPC_DEFAULT_SECURITY_GROUP } from "../../models/network";
import { mergePlacements } from "../../network/merge-placements";
import { namespaceTransit } from "./analytics-hygiene";
import type { AdaptContext } from "./context";
import type { CoverageGap, InventoryContribution } from "./contribution";
import { gapOf, readFetched, unknownOf } from "./fetched";
import { keyedEncryption } from "./keyed-encryption";
import { arnOf, awsRef } from "./refs";

const KIND = "redshift-serverless-namespace";
/** What the API answers for a namespace encrypted with Redshift's own key. */
const AWS_OWNED_KEY = "AWS_OWNED_KMS_KEY";

/** Always encrypted: with the key `kmsKeyId` names, else an AWS-owned key. */
export function namespaceEncryption(n: Namespace, ctx: AdaptContext, region: string): EncryptionAtRest {
  const key = n.kmsKeyId;
  if (key && key !== AWS_OWNED_KEY) return keyedEncryption(ctx, key, region, "kmsKeyId");
  return encryptedWith(STORE_KIND_FACTS[KIND].encryption.keyless, `always encrypted: AWS-owned key (kmsKeyId ${key ?? "not reported"})`);
}

/** Redshift Serverless answers tags as `[{key, value}]`. */
const tagsOf = (list: readonly Tag[]): Tags => Object.fromEntries(list.flatMap((t) => (t.key === undefined ? [] : [[t.key, t.value ?? ""]])));

/** A workgroup places its namespace: unset, `publiclyAccessible` is private. */
export function workgroupPlacement(w: Workgroup): Placement {
  const name = w.workgroupName ?? "";
  const subnets = [...new Set(w.subnetIds ?? [])];
  const groups = [...new Set(w.securityGroupIds ?? [])];
  const defaultVpc = subnets.length === 0;
  return {
    publiclyAccessible: w.publiclyAccessible,
    publicWhenUnset: false,
    subnets: defaultVpc ? unknown("not-fetched", `${name} names no subnets: AWS places it in the default VPC`) : subnets,
    securityGroups: groups.length > 0 ? groups : [VPC_DEFAULT_SECURITY_GROUP],
    inVpc: true,
    ...(defaultVpc ? { defaultVpc: true } : {}),
    observed: `workgroup ${name}: publiclyAccessible=${w.publiclyAccessible === undefined ? "not reported" : String(w.publiclyAccessible)}, subnetIds: ${subnets.length}`,
  };
}

/**
 * Where a namespace sits: its workgroups merged (public if any is). None: no placement, as the
 * Pulumi front; workgroups not listed: every part of the placement is not known.
 */
function namespacePlacement(name: string, workgroups: Fetched<Workgroup[]>): Placement | undefined {
  if (!workgroups.ok) {
    const why = unknownOf(workgroups.failure);
    // Workgroups always sit in a VPC; whether one is public, and where, is not known.
    return { publiclyAccessible: why, subnets: why, securityGroups: why, inVpc: true, observed: "workgroups not listed" };
  }
  const parts = workgroups.value.filter((w) => w.namespaceName === name).map(workgroupPlacement);
  const [first, ...rest] = parts;
  return first && rest.reduce((placement, part) => mergePlacements(placement, part), first);
}

function namespaceStore(a: RedshiftNamespaceAnswer, ctx: AdaptContext, region: string): DataStore {
  const n = a.namespace;
  const name = n.namespaceName ?? "";
  const arn = n.namespaceArn ?? arnOf(ctx.partition, "redshift-serverless", region, ctx.account, `namespace/${n.namespaceId ?? name}`);
  const tags: Val<Tags | undefined> = a.tags ? readFetched(a.tags, tagsOf) : unknown("error", `namespace ${name} was listed without an ARN: its tags could not be asked for`);
  return {
    model: "data-store",
    ref: awsRef(arn, "AWS::RedshiftServerless::Namespace", name, storeLabel(KIND), ctx.account, region),
    kind: KIND,
    physicalName: name,
    tags,
    encryption: namespaceEncryption(n, ctx, region),
    parts: [],
  };
}

/** One region's Redshift Serverless namespaces (stores), placed by their workgroups. */
export function adaptRedshiftServerless(raw: RedshiftServerlessAnswers, ctx: AdaptContext): InventoryContribution {
  const stores: DataStore[] = [];
  const placements: [string, Placement][] = [];
  const hygiene: [string, StoreHygiene][] = [];
  for (const a of raw.namespaces.ok ? raw.namespaces.value : []) {
    if (!a.namespace.namespaceName) continue;
    const store = namespaceStore(a, ctx, raw.region);
    stores.push(store);
    const placement = namespacePlacement(a.namespace.namespaceName, raw.workgroups);
    if (placement) placements.push([store.ref.id, placement]);
    const name = a.namespace.namespaceName;
    const transit = raw.workgroups.ok ? namespaceTransit(raw.workgroups.value.filter((w) => w.namespaceName === name)) : {};
    if (transit.transitRequired) hygiene.push([store.ref.id, transit]);
  }
  const gaps: CoverageGap[] = [];
  if (!raw.namespaces.ok) gaps.push(gapOf(raw.namespaces.failure, "Redshift Serverless namespaces"));
  if (!raw.workgroups.ok) gaps.push(gapOf(raw.workgroups.failure, "Redshift Serverless workgroups"));
  return { stores, placements, hygiene: { stores: hygiene }, gaps };
}
