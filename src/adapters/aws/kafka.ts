import type { Cluster, Provisioned, Serverless } from "@aws-sdk/client-kafka";
import { unknown, type Val } from "../../core/value";
import { encryptedWith } from "../../encryption/at-rest";
import type { MskAnswers } from "../../fetchers/aws/kafka";
import type { DataStore, EncryptionAtRest } from "../../models/data-store";
import type { StoreHygiene } from "../../models/hygiene";
import { VPC_DEFAULT_SECURITY_GROUP, type NetworkRef } from "../../models/network";
import type { Placement } from "../../models/placement";
import { STORE_KIND_FACTS, STORE_VARIANT_FACTS, storeLabel } from "../../models/store-kind-facts";
import { MSK_SERVERLESS_HYGIENE, mskProvisionedHygiene } from "./analytics-hygiene";
import type { AdaptContext } from "./context";
import type { InventoryContribution } from "./contribution";
import { gapOf } from "./fetched";
import { keyedEncryption } from "./keyed-encryption";
import { awsRef } from "./refs";

const KIND = "msk-cluster";
const SERVERLESS = "msk-serverless-cluster";
const PUBLIC_ACCESS_TYPES: ReadonlySet<string> = new Set(["DISABLED", "SERVICE_PROVIDED_EIPS"]);

/** Always encrypted: with `DataVolumeKMSKeyId`, else the AWS-managed aws/kafka key. */
export function provisionedEncryption(p: Provisioned | undefined, ctx: AdaptContext, region: string): EncryptionAtRest {
  const key = p?.EncryptionInfo?.EncryptionAtRest?.DataVolumeKMSKeyId;
  if (key) return keyedEncryption(ctx, key, region, "EncryptionAtRest.DataVolumeKMSKeyId");
  return encryptedWith(STORE_KIND_FACTS[KIND].encryption.keyless, "always encrypted: AWS-managed key aws/kafka (no DataVolumeKMSKeyId)");
}

/** Without security groups MSK uses its VPC's default group, which the answer may not name: the placement says so, and the view joins it to that group. */
function securityGroups(ids: readonly string[]): Val<readonly NetworkRef[]> {
  const unique = [...new Set(ids)];
  return unique.length > 0 ? unique : [VPC_DEFAULT_SECURITY_GROUP];
}

function subnetList(ids: readonly string[], name: string): Pick<Placement, "subnets" | "defaultVpc"> {
  const subnets = [...new Set(ids)];
  if (subnets.length > 0) return { subnets };
  return { subnets: unknown("not-fetched", `${name} names no subnets: AWS places it in the default VPC`), defaultVpc: true };
}

/** Brokers are public only with `PublicAccess.Type` `SERVICE_PROVIDED_EIPS`. */
export function provisionedPlacement(p: Provisioned | undefined, name: string): Placement {
  const info = p?.BrokerNodeGroupInfo;
  const access = info?.ConnectivityInfo?.PublicAccess?.Type;
  return {
    publiclyAccessible: access === undefined ? undefined : access === "SERVICE_PROVIDED_EIPS",
    publicWhenUnset: false,
    ...subnetList(info?.ClientSubnets ?? [], name),
    securityGroups: securityGroups(info?.SecurityGroups ?? []),
    inVpc: true,
    observed: `PublicAccess.Type ${access === undefined ? "not reported" : PUBLIC_ACCESS_TYPES.has(access) ? access : "an unrecognized value"}`,
  };
}

/** Serverless clusters have no public access. */
export function serverlessPlacement(s: Serverless | undefined, name: string): Placement {
  const configs = s?.VpcConfigs ?? [];
  return {
    publiclyAccessible: false,
    ...subnetList(configs.flatMap((c) => c.SubnetIds ?? []), name),
    securityGroups: securityGroups(configs.flatMap((c) => c.SecurityGroupIds ?? [])),
    inVpc: true,
    observed: `VpcConfigs: ${configs.length}`,
  };
}

function adaptCluster(c: Cluster, ctx: AdaptContext, region: string): { store: DataStore; placement: Placement; hygiene: StoreHygiene } | undefined {
  const name = c.ClusterName;
  if (!c.ClusterArn || !name) return undefined;
  const serverless = c.ClusterType === "SERVERLESS";
  const store: DataStore = {
    model: "data-store",
    ref: awsRef(c.ClusterArn, serverless ? "AWS::MSK::ServerlessCluster" : "AWS::MSK::Cluster", name, storeLabel(KIND, serverless ? SERVERLESS : undefined), ctx.account, region),
    kind: KIND,
    ...(serverless ? { variant: SERVERLESS } : {}),
    physicalName: name,
    tags: { ...c.Tags },
    encryption: serverless
      ? encryptedWith(STORE_VARIANT_FACTS[SERVERLESS].encryption.keyless, "always encrypted by MSK Serverless with a service-owned key")
      : provisionedEncryption(c.Provisioned, ctx, region),
    parts: [],
  };
  return {
    store,
    placement: serverless ? serverlessPlacement(c.Serverless, name) : provisionedPlacement(c.Provisioned, name),
    hygiene: serverless ? MSK_SERVERLESS_HYGIENE : mskProvisionedHygiene(c.Provisioned),
  };
}

/** One region's MSK clusters, provisioned and serverless: stores and their placements. */
export function adaptMsk(raw: MskAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.clusters.ok) return { gaps: [gapOf(raw.clusters.failure, "MSK clusters")] };
  const adapted = raw.clusters.value.flatMap((c) => adaptCluster(c, ctx, raw.region) ?? []);
  return {
    stores: adapted.map((a) => a.store),
    placements: adapted.map((a) => [a.store.ref.id, a.placement] as const),
    hygiene: { stores: adapted.map((a) => [a.store.ref.id, a.hygiene] as const) },
  };
}
