import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../../src/adapters/pulumi/engine-resource";
import { servicesHygieneAdapter } from "../../../../src/adapters/pulumi/hygiene/services";
import { buildInventory } from "../../../../src/adapters/pulumi/inventory";
import { isUnknown, type Unknown, type UnknownReason } from "../../../../src/core/value";
import { mergeHygiene, type Setting, type StoreHygiene, type StoreHygieneField } from "../../../../src/models/hygiene";
import { backupVaultsLocked, streamsAndQueuesRetainWithinBounds } from "../../../../src/rules/hygiene";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";
import { run } from "../../../helpers/models";

const TABLE = "aws:dynamodb/table:Table";
const TABLE_REPLICA = "aws:dynamodb/tableReplica:TableReplica";
const STREAM = "aws:kinesis/stream:Stream";
const QUEUE = "aws:sqs/queue:Queue";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const VAULT = "aws:backup/vault:Vault";
const AIR_GAPPED = "aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault";
const LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";

/** The hygiene of every store of the stack, by logical name, through the adapter as the inventory calls it. */
function hygieneOf(...resources: EngineResource[]): Map<string, StoreHygiene> {
  const stores = buildInventory(resources).stores;
  const declared = new Set(servicesHygieneAdapter.types);
  const contribution = servicesHygieneAdapter.build(resources.filter((r) => declared.has(r.type)), stores);
  const byId = mergeHygiene("stack", [contribution]).stores;
  for (const id of byId.keys()) expect(stores.map((s) => s.ref.id), "keyed by a store's model id").toContain(id);
  return new Map(stores.flatMap((s) => (byId.has(s.ref.id) ? [[s.ref.name, byId.get(s.ref.id) as StoreHygiene]] : [])));
}

const one = (type: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}, plannedState = false): StoreHygiene => {
  const r = { ...engineResource(type, "res", props, deps), ...(plannedState ? { plannedState } : {}) };
  const h = hygieneOf(r).get("res");
  expect(h, "the store has hygiene facts").toBeDefined();
  return h as StoreHygiene;
};

/** A value, or the reason of an Unknown. */
type Want = boolean | number | "forever" | { unknown: UnknownReason } | "absent";

function expectSetting(s: Setting<unknown> | undefined, want: Want, observed?: RegExp): void {
  if (want === "absent") {
    expect(s).toBeUndefined();
    return;
  }
  expect(s, "the setting is read").toBeDefined();
  const v = (s as Setting<unknown>).value;
  if (typeof want === "object") {
    expect(isUnknown(v) ? (v as Unknown).reason : `known ${String(v)}`).toBe(want.unknown);
  } else expect(isUnknown(v) ? `unknown: ${(v as Unknown).detail}` : v).toBe(want);
  if (observed) expect(s?.observed).toMatch(observed);
}

interface Case {
  readonly name: string;
  readonly type: string;
  readonly props: Record<string, unknown>;
  readonly deps?: Record<string, string[]>;
  readonly planned?: boolean;
  readonly field: StoreHygieneField;
  readonly want: Want;
  readonly observed?: RegExp;
}

const PREVIEW = { unknown: "preview" } as const;

const CASES: Case[] = [
  // DynamoDB point-in-time recovery
  { name: "PITR on", type: TABLE, props: { pointInTimeRecovery: { enabled: true } }, field: "backups", want: true, observed: /pointInTimeRecovery\.enabled=true/ },
  { name: "PITR off", type: TABLE, props: { pointInTimeRecovery: { enabled: false } }, field: "backups", want: false, observed: /enabled=false/ },
  { name: "PITR block not set", type: TABLE, props: {}, field: "backups", want: false, observed: /not set \(default disabled\)/ },
  { name: "PITR switch unknown", type: TABLE, props: { pointInTimeRecovery: { enabled: UNKNOWN } }, field: "backups", want: PREVIEW },
  { name: "PITR block computed in planned state, no dependency: default off", type: TABLE, props: { pointInTimeRecovery: UNKNOWN }, planned: true, field: "backups", want: false },
  { name: "PITR v6 list shape", type: TABLE, props: { pointInTimeRecovery: [{ enabled: true }] }, field: "backups", want: true },
  { name: "PITR window default 35", type: TABLE, props: { pointInTimeRecovery: { enabled: true } }, field: "backupRetentionDays", want: 35, observed: /recoveryPeriodInDays not set \(default 35 days\)/ },
  { name: "PITR window set", type: TABLE, props: { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 7 } }, field: "backupRetentionDays", want: 7, observed: /=7 days/ },
  { name: "PITR window unknown", type: TABLE, props: { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: UNKNOWN } }, field: "backupRetentionDays", want: PREVIEW },
  { name: "PITR window absent when PITR off", type: TABLE, props: { pointInTimeRecovery: { enabled: false, recoveryPeriodInDays: 7 } }, field: "backupRetentionDays", want: "absent" },
  { name: "PITR window malformed", type: TABLE, props: { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: "x" } }, field: "backupRetentionDays", want: { unknown: "error" } },
  // inline replicas
  { name: "replica without PITR makes backups off", type: TABLE, props: { pointInTimeRecovery: { enabled: true }, replicas: [{ regionName: "eu-west-2", pointInTimeRecovery: true }, { regionName: "eu-central-1" }] }, field: "backups", want: false, observed: /replicas\.1\.pointInTimeRecovery not set/ },
  { name: "every replica with PITR", type: TABLE, props: { pointInTimeRecovery: { enabled: true }, replicas: [{ regionName: "eu-west-2", pointInTimeRecovery: true }] }, field: "backups", want: true },
  { name: "replica PITR unknown", type: TABLE, props: { pointInTimeRecovery: { enabled: true }, replicas: [{ regionName: "eu-west-2", pointInTimeRecovery: UNKNOWN }] }, field: "backups", want: PREVIEW },
  { name: "replicas list unknown", type: TABLE, props: { deletionProtectionEnabled: true, replicas: UNKNOWN }, field: "deletionProtection", want: PREVIEW },
  { name: "replica without deletion protection", type: TABLE, props: { deletionProtectionEnabled: true, replicas: [{ regionName: "eu-west-2" }] }, field: "deletionProtection", want: false },
  // TTL
  { name: "TTL on with attribute", type: TABLE, props: { ttl: { enabled: true, attributeName: "expiresAt" } }, field: "ttl", want: true, observed: /ttl\.enabled=true with an attributeName/ },
  { name: "TTL attribute name never printed", type: TABLE, props: { ttl: { enabled: true, attributeName: "secret-attr-9" } }, field: "ttl", want: true, observed: /^((?!secret-attr-9).)*$/ },
  { name: "TTL off", type: TABLE, props: { ttl: { enabled: false } }, field: "ttl", want: false },
  { name: "TTL not set", type: TABLE, props: {}, field: "ttl", want: false, observed: /ttl not set/ },
  { name: "TTL unknown", type: TABLE, props: { ttl: { enabled: UNKNOWN, attributeName: "expiresAt" } }, field: "ttl", want: PREVIEW },
  { name: "TTL on without attribute", type: TABLE, props: { ttl: { enabled: true } }, field: "ttl", want: { unknown: "error" } },
  // deletion protection
  { name: "deletion protection on", type: TABLE, props: { deletionProtectionEnabled: true }, field: "deletionProtection", want: true },
  { name: "deletion protection not set", type: TABLE, props: {}, field: "deletionProtection", want: false, observed: /not set \(default false\)/ },
  { name: "deletion protection unknown", type: TABLE, props: { deletionProtectionEnabled: UNKNOWN }, field: "deletionProtection", want: PREVIEW },
  // TableReplica resource
  { name: "TableReplica PITR on", type: TABLE_REPLICA, props: { globalTableArn: "arn:aws:dynamodb:eu-west-1:111122223333:table/t", pointInTimeRecovery: true }, field: "backups", want: true },
  { name: "TableReplica PITR not set", type: TABLE_REPLICA, props: { globalTableArn: "arn:aws:dynamodb:eu-west-1:111122223333:table/t" }, field: "backups", want: false },
  { name: "TableReplica deletion protection unknown", type: TABLE_REPLICA, props: { globalTableArn: UNKNOWN, deletionProtectionEnabled: UNKNOWN }, field: "deletionProtection", want: PREVIEW },
  // Kinesis
  { name: "stream default 24 h = 1 day", type: STREAM, props: {}, field: "retentionDays", want: 1, observed: /retentionPeriod not set \(default 24 hours\)/ },
  { name: "stream 168 h = 7 days", type: STREAM, props: { retentionPeriod: 168 }, field: "retentionDays", want: 7, observed: /retentionPeriod=168 hours/ },
  { name: "stream 36 h = 1.5 days", type: STREAM, props: { retentionPeriod: 36 }, field: "retentionDays", want: 1.5 },
  { name: "stream retention unknown", type: STREAM, props: { retentionPeriod: UNKNOWN }, field: "retentionDays", want: PREVIEW },
  { name: "stream retention from another resource in planned state stays unknown", type: STREAM, props: { retentionPeriod: UNKNOWN }, deps: { retentionPeriod: [urnOf("pulumi:pulumi:StackReference", "shared")] }, planned: true, field: "retentionDays", want: PREVIEW },
  { name: "stream retention computed in planned state: default", type: STREAM, props: { retentionPeriod: UNKNOWN }, planned: true, field: "retentionDays", want: 1 },
  // SQS
  { name: "queue default 4 days", type: QUEUE, props: {}, field: "retentionDays", want: 4, observed: /messageRetentionSeconds not set \(default 345600 seconds\)/ },
  { name: "queue 14 days", type: QUEUE, props: { messageRetentionSeconds: 1_209_600 }, field: "retentionDays", want: 14, observed: /=1209600 seconds/ },
  { name: "queue 1 h", type: QUEUE, props: { messageRetentionSeconds: 3600 }, field: "retentionDays", want: 0.042 },
  { name: "queue retention unknown", type: QUEUE, props: { messageRetentionSeconds: UNKNOWN }, field: "retentionDays", want: PREVIEW },
  { name: "queue retention negative", type: QUEUE, props: { messageRetentionSeconds: -1 }, field: "retentionDays", want: { unknown: "error" } },
  // log groups
  { name: "log group 30 days", type: LOG_GROUP, props: { retentionInDays: 30 }, field: "retentionDays", want: 30, observed: /retentionInDays=30 days/ },
  { name: "log group unset: forever", type: LOG_GROUP, props: {}, field: "retentionDays", want: "forever", observed: /not set \(never expires\)/ },
  { name: "log group 0: forever", type: LOG_GROUP, props: { retentionInDays: 0 }, field: "retentionDays", want: "forever", observed: /=0/ },
  { name: "log group unknown", type: LOG_GROUP, props: { retentionInDays: UNKNOWN }, field: "retentionDays", want: PREVIEW },
  { name: "log group DELIVERY class: 2 days", type: LOG_GROUP, props: { logGroupClass: "DELIVERY", retentionInDays: 0 }, field: "retentionDays", want: 2, observed: /DELIVERY/ },
  { name: "log group class unknown", type: LOG_GROUP, props: { logGroupClass: UNKNOWN, retentionInDays: 30 }, field: "retentionDays", want: PREVIEW },
  // vaults alone
  { name: "vault without lock", type: VAULT, props: { name: "v" }, field: "vaultLock", want: false, observed: /no VaultLockConfiguration/ },
  { name: "air-gapped vault always locked", type: AIR_GAPPED, props: { name: "ag", minRetentionDays: 7, maxRetentionDays: 35 }, field: "vaultLock", want: true, observed: /air-gapped.*minRetentionDays=7, maxRetentionDays=35/ },
  { name: "air-gapped vault, bounds unknown: still locked", type: AIR_GAPPED, props: { minRetentionDays: UNKNOWN, maxRetentionDays: 35 }, field: "vaultLock", want: true, observed: /minRetentionDays=unknown/ },
];

describe("services hygiene adapter: settings on the store resource", () => {
  it.each(CASES)("$type: $name", (c) => {
    const h = one(c.type, c.props, c.deps, c.planned);
    expectSetting(h[c.field] as Setting<unknown> | undefined, c.want, c.observed);
  });

  it("sets only the fields a kind has", () => {
    expect(Object.keys(one(QUEUE, {})).sort()).toEqual(["retentionDays"]);
    expect(Object.keys(one(TABLE, { pointInTimeRecovery: { enabled: true } })).sort()).toEqual(["backupRetentionDays", "backups", "deletionProtection", "ttl"]);
    expect(Object.keys(one(VAULT, {}))).toEqual(["vaultLock"]);
  });
});

describe("services hygiene adapter: Vault Lock joined to its vault", () => {
  const vaultUrn = urnOf(VAULT, "vault");

  it("new stack: joins by the dependency of backupVaultName while the name is unknown", () => {
    const h = hygieneOf(
      engineResource(VAULT, "vault", { name: UNKNOWN }),
      engineResource(VAULT, "other", { name: UNKNOWN }),
      engineResource(LOCK, "lock", { backupVaultName: UNKNOWN, minRetentionDays: 7, maxRetentionDays: 365, changeableForDays: 3 }, { backupVaultName: [vaultUrn] }),
    );
    expectSetting(h.get("vault")?.vaultLock, true, /VaultLockConfiguration 'lock': minRetentionDays=7, maxRetentionDays=365, compliance mode \(changeableForDays=3\)/);
    expectSetting(h.get("other")?.vaultLock, false);
  });

  it("existing stack: joins by the known name", () => {
    const h = hygieneOf(
      engineResource(VAULT, "vault", { name: "hyg-ok-vault", arn: "arn:aws:backup:eu-west-1:111122223333:backup-vault:hyg-ok-vault" }),
      engineResource(VAULT, "other", { name: "hyg-bad-vault" }),
      engineResource(LOCK, "lock", { backupVaultName: "hyg-ok-vault", minRetentionDays: 7 }),
    );
    expectSetting(h.get("vault")?.vaultLock, true, /governance mode/);
    expectSetting(h.get("other")?.vaultLock, false);
  });

  it("a lock naming a vault outside the stack locks none of the stack's", () => {
    const h = hygieneOf(engineResource(VAULT, "vault", { name: "mine" }), engineResource(LOCK, "lock", { backupVaultName: "elsewhere" }));
    expectSetting(h.get("vault")?.vaultLock, false);
  });

  it("a lock whose vault name is computed from outside the stores leaves unlocked vaults not assessed", () => {
    const h = hygieneOf(
      engineResource(VAULT, "vault", { name: "mine" }),
      engineResource(LOCK, "lock", { backupVaultName: UNKNOWN }, { backupVaultName: [urnOf("pulumi:pulumi:StackReference", "shared")] }),
    );
    expectSetting(h.get("vault")?.vaultLock, PREVIEW);
    const v = h.get("vault")?.vaultLock?.value as Unknown;
    expect(v.detail).toMatch(/computed during the update/);
  });
});

describe("services hygiene adapter: the rules over a stack", () => {
  /** Statuses by logical name of `rule` over the stack, with this adapter's hygiene. */
  function verdicts(rule: Parameters<typeof run>[0], ...resources: EngineResource[]): Record<string, string> {
    const inv = buildInventory(resources);
    const declared = new Set(servicesHygieneAdapter.types);
    const hygiene = mergeHygiene("stack", [servicesHygieneAdapter.build(resources.filter((r) => declared.has(r.type)), inv.stores)]);
    return Object.fromEntries(run(rule, { stores: inv.stores, hygiene }).map((o) => [o.resource.name, o.status]));
  }
  const tags = { "data-classification": "confidential" };

  it("a new stack: a retention computed during the update is not assessed, known ones judged", () => {
    expect(
      verdicts(
        streamsAndQueuesRetainWithinBounds,
        engineResource(QUEUE, "computed", { tags, messageRetentionSeconds: UNKNOWN }, { messageRetentionSeconds: [urnOf("pulumi:pulumi:StackReference", "shared")] }),
        engineResource(QUEUE, "short", { tags, messageRetentionSeconds: 3600 }),
        engineResource(STREAM, "long", { tags, retentionPeriod: 8760 }),
      ),
    ).toEqual({ computed: "unknown", short: "pass", long: "fail" });
  });

  it("an existing stack: the vault a lock names by value passes, the other fails", () => {
    expect(
      verdicts(
        backupVaultsLocked,
        engineResource(VAULT, "locked", { name: "hyg-ok-vault", tags }),
        engineResource(VAULT, "open", { name: "hyg-bad-vault", tags }),
        engineResource(LOCK, "lock", { backupVaultName: "hyg-ok-vault", minRetentionDays: 7, changeableForDays: 3 }),
      ),
    ).toEqual({ locked: "pass", open: "fail" });
  });
});
