import { encryptedWith } from "../../encryption/at-rest";
import type { ResourcePolicy as SdkResourcePolicy } from "@aws-sdk/client-cloudwatch-logs";
import { unknown } from "../../core/value";
import type { LogGroupAnswers, LogsAnswers } from "../../fetchers/aws/logs";
import type { DataStore } from "../../models/data-store";
import type { ResourcePolicy } from "../../models/exposure";
import { STORE_KIND_FACTS, storeLabel } from "../../models/store-kind-facts";
import type { AdaptContext } from "./context";
import type { InventoryContribution } from "./contribution";
import { gapOf, readFetched } from "./fetched";
import { keyedEncryption } from "./keyed-encryption";
import { arnOf, awsRef } from "./refs";
import { logGroupHygiene } from "./services-hygiene";

const KEYLESS = STORE_KIND_FACTS["log-group"].encryption.keyless;

/** CloudWatch Logs always encrypts; `kmsKeyId` names a KMS key. Retention is a hygiene setting (`logGroupHygiene`). */
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

/**
 * A CloudWatch Logs resource policy: account-wide (every log group of the region), or scoped to
 * the log group its `resourceArn` names.
 */
function adaptResourcePolicy(ctx: AdaptContext, region: string, p: SdkResourcePolicy): ResourcePolicy {
  const name = p.policyName ?? "";
  const arn = arnOf(ctx.partition, "logs", region, ctx.account, `resource-policy:${name}`);
  const label = "CloudWatch Logs resource policy";
  const common = {
    ref: awsRef(arn, "AWS::Logs::ResourcePolicy", name, label, ctx.account, region),
    service: "logs" as const,
    document: p.policyDocument ?? unknown("error", `${label} '${name}' has no document`),
    origin: `${label} '${name}'`,
    accountId: ctx.account,
  };
  return p.resourceArn ? { ...common, target: p.resourceArn.replace(/:\*$/, "") } : { ...common, target: undefined, accountWide: true };
}

export function adaptLogs(raw: LogsAnswers, ctx: AdaptContext): InventoryContribution {
  const policies = raw.resourcePolicies;
  const resourcePolicies = policies?.ok ? policies.value.map((p) => adaptResourcePolicy(ctx, raw.region, p)) : [];
  const policyGaps = policies && !policies.ok ? [gapOf(policies.failure, "CloudWatch Logs resource policies")] : [];
  if (!raw.groups.ok) return { resourcePolicies, gaps: [gapOf(raw.groups.failure, "CloudWatch log groups"), ...policyGaps] };
  const adapted = raw.groups.value.map((g) => ({ store: adaptGroup(ctx, raw.region, g), hygiene: logGroupHygiene(g.group.retentionInDays) }));
  const hygiene = { stores: adapted.map((a) => [a.store.ref.id, a.hygiene] as const) };
  return { stores: adapted.map((a) => a.store), resourcePolicies, hygiene, ...(policyGaps.length ? { gaps: policyGaps } : {}) };
}
