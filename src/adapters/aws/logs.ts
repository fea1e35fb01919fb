import { encryptedWith } from "../../encryption/at-rest";
import type { LogGroupAnswers, LogsAnswers } from "../../fetchers/aws/logs";
import type { DataStore } from "../../models/data-store";
import { STORE_KIND_FACTS, storeLabel } from "../../models/store-kind-facts";
import type { AdaptContext } from "./context";
import type { InventoryContribution } from "./contribution";
import { gapOf, readFetched } from "./fetched";
import { keyedEncryption } from "./keyed-encryption";
import { arnOf, awsRef } from "./refs";

const KEYLESS = STORE_KIND_FACTS["log-group"].encryption.keyless;

/** CloudWatch Logs always encrypts; `kmsKeyId` names a KMS key. Retention is not part of the model yet. */
function adaptGroup(ctx: AdaptContext, region: string, g: LogGroupAnswers): DataStore {
  const name = g.group.logGroupName ?? "";
  const arn = g.arn ?? arnOf(ctx.partition, "logs", region, ctx.account, `log-group:${name}`);
  const key = g.group.kmsKeyId;
  return {
    model: "data-store",
    ref: awsRef(arn, "AWS::Logs::LogGroup", name, storeLabel("log-group"), ctx.account, region),
    kind: "log-group",
    physicalName: name,
    tags: readFetched(g.tags, (t) => ({ ...t })),
    encryption: key
      ? keyedEncryption(ctx, key, region, "kmsKeyId")
      : encryptedWith(KEYLESS, "always encrypted by CloudWatch Logs (kmsKeyId not set)"),
    parts: [],
  };
}

export function adaptLogs(raw: LogsAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.groups.ok) return { gaps: [gapOf(raw.groups.failure, "CloudWatch log groups")] };
  return { stores: raw.groups.value.map((g) => adaptGroup(ctx, raw.region, g)) };
}
