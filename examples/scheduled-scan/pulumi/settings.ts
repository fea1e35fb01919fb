// The stack's settings: config values with the defaults the README documents. Nothing here is required, so a
// new stack previews as is; organizationRootId is needed for the member role to reach any account.
import * as pulumi from "@pulumi/pulumi";
import type { Severity } from "./state-machine";

export interface Settings {
  /** Prefixes every physical name (`cdguard-<stack>`). */
  readonly prefix: string;
  readonly shardCount: number;
  readonly maxConcurrency: number;
  readonly orgRoleName: string;
  /** Unset: the account's ECR repository `cdguard` at this package's version. */
  readonly imageUri: string | undefined;
  readonly organizationRootId: string | undefined;
  /** SELF from the management account, DELEGATED_ADMIN from a delegated StackSets administrator. */
  readonly stackSetCallAs: "SELF" | "DELEGATED_ADMIN";
  readonly schedule: string;
  readonly scheduleTimezone: string;
  readonly failOn: Severity;
  readonly regions: string[];
  readonly alertEmail: string | undefined;
  /** Reports (and shard files) expire after this many days. */
  readonly reportRetentionDays: number;
  readonly logRetentionDays: number;
  readonly taskTimeoutSeconds: number;
  /** An existing network (both or neither); unset: the program builds a private one. */
  readonly vpcId: string | undefined;
  readonly privateSubnetIds: string[] | undefined;
  readonly vpcCidr: string;
}

const SEVERITIES: readonly Severity[] = ["low", "medium", "high", "critical"];

export function readSettings(config = new pulumi.Config()): Settings {
  const shardCount = config.getNumber("shardCount", { min: 1, max: 1000 }) ?? 16;
  const failOn = (config.get("failOn") ?? "high") as Severity;
  if (!SEVERITIES.includes(failOn)) throw new Error(`failOn must be one of ${SEVERITIES.join(", ")}`);
  const callAs = config.get("stackSetCallAs") ?? "SELF";
  if (callAs !== "SELF" && callAs !== "DELEGATED_ADMIN") throw new Error("stackSetCallAs must be SELF or DELEGATED_ADMIN");
  const vpcId = config.get("vpcId");
  const privateSubnetIds = config.getObject<string[]>("privateSubnetIds");
  if ((vpcId === undefined) !== (privateSubnetIds === undefined)) throw new Error("set vpcId and privateSubnetIds together, or neither");
  return {
    prefix: `cdguard-${pulumi.getStack()}`,
    shardCount,
    maxConcurrency: config.getNumber("maxConcurrency", { min: 1 }) ?? shardCount,
    orgRoleName: config.get("orgRoleName", { pattern: /^[\w+=,.@-]{1,64}$/ }) ?? "cdguard-scanner",
    imageUri: config.get("imageUri"),
    organizationRootId: config.get("organizationRootId", { pattern: /^r-[0-9a-z]{4,32}$/ }),
    stackSetCallAs: callAs,
    schedule: config.get("schedule") ?? "cron(0 3 * * ? *)",
    scheduleTimezone: config.get("scheduleTimezone") ?? "UTC",
    failOn,
    regions: config.getObject<string[]>("regions") ?? [],
    alertEmail: config.get("alertEmail"),
    reportRetentionDays: config.getNumber("reportRetentionDays", { min: 1 }) ?? 400,
    logRetentionDays: config.getNumber("logRetentionDays", { min: 1 }) ?? 90,
    taskTimeoutSeconds: config.getNumber("taskTimeoutSeconds", { min: 60 }) ?? 4 * 3600,
    vpcId,
    privateSubnetIds,
    vpcCidr: config.get("vpcCidr") ?? "10.80.0.0/16",
  };
}
