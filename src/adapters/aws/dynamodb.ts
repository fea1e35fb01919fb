import type { ReplicaDescription, SSEDescription, TableDescription } from "@aws-sdk/client-dynamodb";
import { isUnknown, type Val } from "../../core/value";
import { encryptedWith } from "../../encryption/at-rest";
import type { DynamoDbAnswers, DynamoDbTableAnswers } from "../../fetchers/aws/dynamodb";
import type { DataStore, EncryptedPart, EncryptionAtRest } from "../../models/data-store";
import { STORE_KIND_FACTS, storeLabel } from "../../models/store-kind-facts";
import type { AdaptContext } from "./context";
import type { InventoryContribution } from "./contribution";
import { gapOf, readFetched, tagsOfList, unknownOf } from "./fetched";
import { inlinePolicy, storesAndPolicies, type StoreWithPolicy } from "./inline-policy";
import { keyedEncryption } from "./keyed-encryption";
import { arnOf, awsRef } from "./refs";
import { dynamodbTableHygiene } from "./services-hygiene";

const SSE_OFF_KEY = STORE_KIND_FACTS["dynamodb-table"].encryption.keyless;

/**
 * DynamoDB encrypts every table: without an SSE description (or with SSE disabled) under an
 * AWS-owned key; with SSE-KMS under the key it names, which the KMS answers tell apart (the
 * AWS-managed aws/dynamodb key is named by its ARN too).
 */
function tableEncryption(ctx: AdaptContext, region: string, sse: SSEDescription | undefined): EncryptionAtRest {
  if (sse === undefined || sse.Status === "DISABLED") {
    return encryptedWith(SSE_OFF_KEY, `AWS-owned key (SSEDescription ${sse === undefined ? "not set" : "Status=DISABLED"})`);
  }
  if (sse.SSEType !== "KMS") return encryptedWith(SSE_OFF_KEY, `AWS-owned key (SSEType=${sse.SSEType ?? "not set"})`);
  if (sse.KMSMasterKeyArn) return keyedEncryption(ctx, sse.KMSMasterKeyArn, region, "SSEDescription.KMSMasterKeyArn");
  return encryptedWith("aws-managed", "SSEType=KMS without KMSMasterKeyArn: AWS-managed key aws/dynamodb");
}

/**
 * A replica uses its own key when it names one; without, the AWS-managed aws/dynamodb key in its
 * region when the table uses a KMS key, else the table's AWS-owned key.
 */
function replicaEncryption(ctx: AdaptContext, replica: ReplicaDescription, region: string, table: EncryptionAtRest): Val<EncryptionAtRest> {
  if (replica.KMSMasterKeyId) return keyedEncryption(ctx, replica.KMSMasterKeyId, region, "Replicas[].KMSMasterKeyId");
  if (isUnknown(table.keyManager)) return table;
  if (table.keyManager === "aws-owned") return encryptedWith("aws-owned", "AWS-owned key, as the table");
  return encryptedWith("aws-managed", "no replica key: AWS-managed key aws/dynamodb");
}

/** The table's replicas in other regions, each a part (named as the Pulumi front names them). */
function replicaParts(ctx: AdaptContext, region: string, table: TableDescription, encryption: EncryptionAtRest): EncryptedPart[] {
  const others = (table.Replicas ?? []).filter((r) => r.RegionName !== undefined && r.RegionName !== region);
  return others.map((r, i) => ({ name: `replicas[${i}]`, encryption: replicaEncryption(ctx, r, r.RegionName ?? region, encryption) }));
}

function adaptTable(ctx: AdaptContext, region: string, t: DynamoDbTableAnswers): StoreWithPolicy | undefined {
  if (t.table.ok && t.table.value === undefined) return undefined;
  const described = t.table.ok ? t.table.value : undefined;
  const arn = described?.TableArn ?? arnOf(ctx.partition, "dynamodb", region, ctx.account, `table/${t.name}`);
  const ref = awsRef(arn, "AWS::DynamoDB::Table", t.name, storeLabel("dynamodb-table"), ctx.account, region);
  const encryption = t.table.ok ? tableEncryption(ctx, region, described?.SSEDescription) : unknownOf(t.table.failure);
  const store: DataStore = {
    model: "data-store",
    ref,
    kind: "dynamodb-table",
    physicalName: t.name,
    tags: readFetched(t.tags, tagsOfList),
    encryption,
    parts: described && !isUnknown(encryption) ? replicaParts(ctx, region, described, encryption) : [],
  };
  const policy = inlinePolicy(ref, "dynamodb", "resource policy", readFetched(t.policy, (d) => d));
  return { store, ...(policy ? { policy } : {}) };
}

export function adaptDynamoDb(raw: DynamoDbAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.tables.ok) return { gaps: [gapOf(raw.tables.failure, "DynamoDB tables")] };
  const adapted = raw.tables.value.map((t) => {
    const a = adaptTable(ctx, raw.region, t);
    return a && { ...a, hygiene: [a.store.ref.id, dynamodbTableHygiene(t.table, t.continuousBackups, t.timeToLive)] as const };
  });
  return { ...storesAndPolicies(adapted), hygiene: { stores: adapted.flatMap((a) => (a ? [a.hygiene] : [])) } };
}
