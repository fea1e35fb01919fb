import type { StreamDescriptionSummary } from "@aws-sdk/client-kinesis";
import { beforeAll, describe, expect, it } from "vitest";
import { adaptBackup } from "../../../src/adapters/aws/backup";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import { adaptDynamoDb } from "../../../src/adapters/aws/dynamodb";
import { adaptKinesis } from "../../../src/adapters/aws/kinesis";
import { adaptLogs } from "../../../src/adapters/aws/logs";
import { adaptSqs } from "../../../src/adapters/aws/sqs";
import { isUnknown, type Unknown } from "../../../src/core/value";
import { backupFetcher } from "../../../src/fetchers/aws/backup";
import { dynamodbFetcher } from "../../../src/fetchers/aws/dynamodb";
import { kinesisFetcher } from "../../../src/fetchers/aws/kinesis";
import { logsFetcher } from "../../../src/fetchers/aws/logs";
import { sqsFetcher } from "../../../src/fetchers/aws/sqs";
import { mergeHygiene, type Setting, type StoreHygiene } from "../../../src/models/hygiene";
import type { Inventory } from "../../../src/models/inventory";
import {
  backupVaultsLocked,
  customerDataStoresBackedUp,
  expiringDataTablesHaveTtl,
  logGroupsRetainForBoundedTime,
  streamsAndQueuesRetainWithinBounds,
} from "../../../src/rules/hygiene";
import { mergeContributions } from "../../../src/scanner/merge";
import { scannerIamPolicy } from "../../../src/scanner/iam-policy";
import { dynamodbSource, SERVICE_SOURCES } from "../../../src/scanner/sources/services";
import { adaptContext, failed, ok } from "../../adapters/aws/fixtures";
import { run } from "../../helpers/models";
import { MOTO_ACCOUNT, scanContext } from "../../support/aws-context";
import { iamUser, policyDocument, whileIamEnforced } from "../../support/iam-user";
import { useMoto } from "../../support/moto/use-moto";
import { SERVICES_HYGIENE_SEED as S, seedHygieneServices } from "../../scanner/seed-hygiene-services";

const REGION = "us-east-1";
const ctx = adaptContext({}, { account: MOTO_ACCOUNT });

/** Each store's hygiene by the store's name; every hygiene entry must be keyed by a store's model id (its ARN). */
function hygieneByName(c: InventoryContribution): Map<string | undefined, StoreHygiene> {
  const byId = mergeHygiene("account", c.hygiene ? [c.hygiene] : []).stores;
  const ids = (c.stores ?? []).map((s) => s.ref.id);
  for (const id of byId.keys()) expect(ids, "hygiene keyed by a store's ARN").toContain(id);
  expect(byId.size).toBe(ids.length);
  return new Map((c.stores ?? []).map((s) => [s.physicalName, byId.get(s.ref.id) as StoreHygiene]));
}

const valueOf = (s: Setting<unknown> | undefined): unknown => {
  expect(s, "the setting is read").toBeDefined();
  return s?.value;
};

describe("services hygiene against moto", () => {
  const moto = useMoto();
  let inventory: Inventory;
  let scanned: { tables: Map<string | undefined, StoreHygiene>; streams: Map<string | undefined, StoreHygiene>; queues: Map<string | undefined, StoreHygiene>; groups: Map<string | undefined, StoreHygiene>; vaults: Map<string | undefined, StoreHygiene> };

  beforeAll(async () => {
    await seedHygieneServices(moto().endpoint, REGION);
    const scan = () => scanContext(moto().endpoint, REGION).ctx;
    const parts = {
      tables: adaptDynamoDb(await dynamodbFetcher.fetch(scan()), ctx),
      streams: adaptKinesis(await kinesisFetcher.fetch(scan()), ctx),
      queues: adaptSqs(await sqsFetcher.fetch(scan()), ctx),
      groups: adaptLogs(await logsFetcher.fetch(scan()), ctx),
      vaults: adaptBackup(await backupFetcher.fetch(scan()), ctx),
    };
    inventory = mergeContributions(Object.values(parts)).inventory;
    scanned = {
      tables: hygieneByName(parts.tables),
      streams: hygieneByName(parts.streams),
      queues: hygieneByName(parts.queues),
      groups: hygieneByName(parts.groups),
      vaults: hygieneByName(parts.vaults),
    };
  }, 120_000);

  it("DynamoDB: PITR and its window, TTL and deletion protection, per table", () => {
    const good = scanned.tables.get(S.okTable);
    const bad = scanned.tables.get(S.badTable);
    expect([valueOf(good?.backups), valueOf(good?.backupRetentionDays), valueOf(good?.ttl), valueOf(good?.deletionProtection)]).toEqual([true, 30, true, true]);
    expect(good?.backups?.observed).toBe("PointInTimeRecoveryStatus=ENABLED");
    expect(good?.backupRetentionDays?.observed).toBe("RecoveryPeriodInDays=30 days");
    expect(good?.ttl?.observed).toBe("TimeToLiveStatus=ENABLED");
    expect([valueOf(bad?.backups), valueOf(bad?.ttl), valueOf(bad?.deletionProtection)]).toEqual([false, false, false]);
    expect(bad?.backupRetentionDays).toBeUndefined();
    expect(bad?.deletionProtection?.observed).toBe("DeletionProtectionEnabled=false");
  });

  it("Kinesis: retention in days from RetentionPeriodHours", () => {
    expect(scanned.streams.get(S.okStream)?.retentionDays).toEqual({ value: 1, observed: "RetentionPeriodHours=24 hours" });
    expect(scanned.streams.get(S.badStream)?.retentionDays).toEqual({ value: 365, observed: "RetentionPeriodHours=8760 hours" });
  });

  it("SQS: retention in days from MessageRetentionPeriod seconds", () => {
    expect(scanned.queues.get(S.okQueue)?.retentionDays).toEqual({ value: 1, observed: "MessageRetentionPeriod=86400 seconds" });
    expect(scanned.queues.get(S.badQueue)?.retentionDays).toEqual({ value: 14, observed: "MessageRetentionPeriod=1209600 seconds" });
  });

  it("CloudWatch Logs: retentionInDays, absent = never expires", () => {
    expect(scanned.groups.get(S.okLogGroup)?.retentionDays).toEqual({ value: 30, observed: "retentionInDays=30 days" });
    expect(scanned.groups.get(S.badLogGroup)?.retentionDays).toEqual({ value: "forever", observed: "retentionInDays not set (never expires)" });
  });

  it("Backup: Vault Lock and its retention bounds", () => {
    const good = scanned.vaults.get(S.okVault)?.vaultLock;
    expect(good?.value).toBe(true);
    expect(good?.observed).toMatch(/^Locked=true, MinRetentionDays=7, MaxRetentionDays=365, compliance mode \(immutable from \d{4}-/);
    expect(scanned.vaults.get(S.badVault)?.vaultLock).toEqual({ value: false, observed: "Locked=false" });
  });

  it("the hygiene rules pass each hyg-ok store and fail each hyg-bad one", () => {
    const verdicts = (rule: Parameters<typeof run>[0]) =>
      Object.fromEntries(run(rule, inventory).filter((o) => o.resource.name.includes("hyg-")).map((o) => [o.resource.name, o.status]));
    expect(verdicts(customerDataStoresBackedUp)).toMatchObject({ [S.okTable]: "pass", [S.badTable]: "fail" });
    expect(verdicts(expiringDataTablesHaveTtl)).toEqual({ [S.okTable]: "pass", [S.badTable]: "fail" });
    expect(verdicts(streamsAndQueuesRetainWithinBounds)).toEqual({ [S.okStream]: "pass", [S.badStream]: "fail", [S.okQueue]: "pass", [S.badQueue]: "fail" });
    expect(verdicts(logGroupsRetainForBoundedTime)).toEqual({ [S.okLogGroup]: "pass", [S.badLogGroup]: "fail" });
    expect(verdicts(backupVaultsLocked)).toEqual({ [S.okVault]: "pass", [S.badVault]: "fail" });
  });
});

describe("a table whose PITR and TTL reads are denied (moto enforcing IAM)", () => {
  const moto = useMoto();
  const DENIED = ["dynamodb:DescribeContinuousBackups", "dynamodb:DescribeTimeToLive"];

  it("keeps the table, reads deletion protection, and makes PITR and TTL not assessed (access-denied), not a gap", async () => {
    await seedHygieneServices(moto().endpoint, REGION);
    const allowed = dynamodbFetcher.actions.filter((a) => !DENIED.includes(a));
    const credentials = await iamUser(moto().endpoint, "scanner", { name: "scan", document: policyDocument({ Effect: "Allow", Action: allowed, Resource: "*" }) });
    const raw = await whileIamEnforced(moto(), () => dynamodbFetcher.fetch(scanContext(moto().endpoint, REGION, { credentials: async () => credentials }).ctx));
    const c = adaptDynamoDb(raw, ctx);
    expect(c.gaps ?? []).toEqual([]);
    const good = hygieneByName(c).get(S.okTable);
    expect(good?.deletionProtection?.value).toBe(true);
    for (const [setting, action] of [[good?.backups, DENIED[0]], [good?.ttl, DENIED[1]]] as const) {
      expect(isUnknown(setting?.value)).toBe(true);
      expect((setting?.value as Unknown).reason).toBe("access-denied");
      expect((setting?.value as Unknown).detail).toContain(action);
      expect(setting?.observed).toContain(action);
    }
    expect(good?.backupRetentionDays).toBeUndefined();
  }, 120_000);
});

describe("services hygiene from recorded answers", () => {
  const STREAM_ARN = `arn:aws:kinesis:eu-west-1:111122223333:stream/orders`;

  it("a stream whose summary was denied: retention not assessed; without RetentionPeriodHours: the 24 h default", () => {
    const denied = adaptKinesis({ region: "eu-west-1", streams: ok([{ name: "orders", arn: STREAM_ARN, summary: failed("kinesis", "kinesis:DescribeStreamSummary"), tags: ok([]) }]) }, adaptContext());
    const r = hygieneByName(denied).get("orders")?.retentionDays?.value as Unknown;
    expect([r.reason, r.detail]).toEqual(["access-denied", expect.stringContaining("kinesis:DescribeStreamSummary")]);
    const bare = adaptKinesis({ region: "eu-west-1", streams: ok([{ name: "orders", arn: STREAM_ARN, summary: ok({ StreamName: "orders" } as StreamDescriptionSummary), tags: ok([]) }]) }, adaptContext());
    expect(hygieneByName(bare).get("orders")?.retentionDays).toEqual({ value: 1, observed: "RetentionPeriodHours not set (default 24 hours)" });
  });

  it("a queue: denied attributes, default and malformed retention", () => {
    const url = "https://sqs.eu-west-1.amazonaws.com/111122223333/q";
    const queue = (attributes: Parameters<typeof ok<Record<string, string>>>[0] | "denied") =>
      hygieneByName(adaptSqs({ region: "eu-west-1", queues: ok([{ url, attributes: attributes === "denied" ? failed("sqs", "sqs:GetQueueAttributes") : ok(attributes), tags: ok({}) }]) }, adaptContext())).get("q")?.retentionDays;
    expect((queue("denied")?.value as Unknown).reason).toBe("access-denied");
    expect(queue({})).toEqual({ value: 4, observed: "MessageRetentionPeriod not set (default 345600 seconds)" });
    expect(queue({ MessageRetentionPeriod: "3600" })?.value).toBe(0.042);
    expect((queue({ MessageRetentionPeriod: "soon" })?.value as Unknown).reason).toBe("error");
  });

  it("a table recorded before hygiene was read: PITR and TTL not fetched; a PITR window left out: 35 days", () => {
    const arn = "arn:aws:dynamodb:eu-west-1:111122223333:table/orders";
    const table = ok({ TableName: "orders", TableArn: arn, DeletionProtectionEnabled: true });
    const old = hygieneByName(adaptDynamoDb({ region: "eu-west-1", tables: ok([{ name: "orders", table, policy: ok(undefined), tags: ok([]) }]) }, adaptContext())).get("orders");
    expect([(old?.backups?.value as Unknown).reason, (old?.ttl?.value as Unknown).reason, old?.deletionProtection?.value]).toEqual(["not-fetched", "not-fetched", true]);
    const pitr = ok({ ContinuousBackupsStatus: "ENABLED" as const, PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: "ENABLED" as const } });
    const ttl = ok({ TimeToLiveStatus: "ENABLING" as const, AttributeName: "secret-attr-9" });
    const h = hygieneByName(adaptDynamoDb({ region: "eu-west-1", tables: ok([{ name: "orders", table, policy: ok(undefined), tags: ok([]), continuousBackups: pitr, timeToLive: ttl }]) }, adaptContext())).get("orders");
    expect(h?.backupRetentionDays).toEqual({ value: 35, observed: "RecoveryPeriodInDays not set (default 35 days)" });
    expect(h?.ttl).toEqual({ value: true, observed: "TimeToLiveStatus=ENABLING" });
    expect(JSON.stringify(h)).not.toContain("secret-attr-9");
    const gone = hygieneByName(adaptDynamoDb({ region: "eu-west-1", tables: ok([{ name: "orders", table, policy: ok(undefined), tags: ok([]), continuousBackups: ok(undefined), timeToLive: ok(undefined) }]) }, adaptContext())).get("orders");
    expect([(gone?.backups?.value as Unknown).reason, (gone?.ttl?.value as Unknown).reason]).toEqual(["not-fetched", "not-fetched"]);
  });

  it("a logically air-gapped vault is always locked; a denied table description leaves deletion protection not assessed", () => {
    const vault = { BackupVaultName: "ag", BackupVaultArn: "arn:aws:backup:eu-west-1:111122223333:backup-vault:ag", VaultType: "LOGICALLY_AIR_GAPPED_BACKUP_VAULT" as const, MinRetentionDays: 7, MaxRetentionDays: 35 };
    const v = hygieneByName(adaptBackup({ region: "eu-west-1", vaults: ok([{ vault, policy: ok(undefined), tags: ok({}) }]) }, adaptContext())).get("ag");
    expect(v?.vaultLock).toEqual({ value: true, observed: "logically air-gapped vault, always locked: MinRetentionDays=7, MaxRetentionDays=35" });
    const t = hygieneByName(adaptDynamoDb({ region: "eu-west-1", tables: ok([{ name: "t", table: failed("dynamodb", "dynamodb:DescribeTable"), policy: ok(undefined), tags: ok([]) }]) }, adaptContext())).get("t");
    expect((t?.deletionProtection?.value as Unknown).reason).toBe("access-denied");
  });

  it("the sources feed hygiene and the scanner's policy asks for the new reads", () => {
    for (const s of SERVICE_SOURCES.filter((x) => x.fetcher.name !== "sns-topics" && x.fetcher.name !== "secretsmanager-secrets" && x.fetcher.name !== "firehose-delivery-streams")) {
      expect(s.feeds, s.fetcher.name).toContain("hygiene");
    }
    const actions = (scannerIamPolicy([dynamodbSource]).Statement[0] as { Action: string[] }).Action;
    expect(actions).toEqual(expect.arrayContaining(["dynamodb:DescribeContinuousBackups", "dynamodb:DescribeTimeToLive"]));
  });
});
