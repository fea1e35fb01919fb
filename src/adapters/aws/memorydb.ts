import type { Cluster } from "@aws-sdk/client-memorydb";
import type { Tags } from "../../core/classification";
import { unknown, type Val } from "../../core/value";
import { encryptedWith } from "../../encryption/at-rest";
import type { MemoryDbAnswers, MemoryDbClusterAnswer } from "../../fetchers/aws/memorydb";
import type { DataStore, EncryptionAtRest } from "../../models/data-store";
import type { StoreHygiene } from "../../models/hygiene";
import { STORE_KIND_FACTS, storeLabel } from "../../models/store-kind-facts";
import { memorydbClusterHygiene } from "./analytics-hygiene";
import type { AdaptContext } from "./context";
import type { InventoryContribution } from "./contribution";
import { gapOf, readFetched, tagsOfList } from "./fetched";
import { keyedEncryption } from "./keyed-encryption";
import { arnOf, awsRef } from "./refs";

const KIND = "memorydb-cluster";

/** Always encrypted at rest: with `KmsKeyId`, else an AWS-owned key. */
export function memorydbEncryption(c: Cluster, ctx: AdaptContext, region: string): EncryptionAtRest {
  if (c.KmsKeyId) return keyedEncryption(ctx, c.KmsKeyId, region, "KmsKeyId");
  return encryptedWith(STORE_KIND_FACTS[KIND].encryption.keyless, "always encrypted: AWS-owned key (KmsKeyId not set)");
}

function adaptCluster(a: MemoryDbClusterAnswer, name: string, ctx: AdaptContext, region: string): { store: DataStore; hygiene: StoreHygiene } {
  const c = a.cluster;
  const arn = c.ARN ?? arnOf(ctx.partition, "memorydb", region, ctx.account, `cluster/${name}`);
  const tags: Val<Tags | undefined> = a.tags ? readFetched(a.tags, tagsOfList) : unknown("error", `MemoryDB cluster ${name} was listed without an ARN: its tags could not be asked for`);
  const store: DataStore = {
    model: "data-store",
    ref: awsRef(arn, "AWS::MemoryDB::Cluster", name, storeLabel(KIND), ctx.account, region),
    kind: KIND,
    physicalName: name,
    tags,
    encryption: memorydbEncryption(c, ctx, region),
    parts: [],
  };
  return { store, hygiene: memorydbClusterHygiene(c) };
}

/** One region's MemoryDB clusters: stores and their hygiene (TLS, snapshot retention). Placement is not read yet. */
export function adaptMemoryDb(raw: MemoryDbAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.clusters.ok) return { gaps: [gapOf(raw.clusters.failure, "MemoryDB clusters")] };
  const adapted = raw.clusters.value.flatMap((a) => (a.cluster.Name ? [adaptCluster(a, a.cluster.Name, ctx, raw.region)] : []));
  return { stores: adapted.map((a) => a.store), hygiene: { stores: adapted.map((a) => [a.store.ref.id, a.hygiene] as const) } };
}
