import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../../src/adapters/pulumi/engine-resource";
import { analyticsHygieneAdapter } from "../../../../src/adapters/pulumi/hygiene/analytics";
import { buildInventory } from "../../../../src/adapters/pulumi/inventory";
import { isUnknown, type Val } from "../../../../src/core/value";
import type { Setting, StoreHygiene, StoreHygieneField } from "../../../../src/models/hygiene";
import { engineResource, UNKNOWN } from "../../../helpers/engine";
import { expectEncryption } from "../store-cases";

const GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const CACHE_CLUSTER = "aws:elasticache/cluster:Cluster";
const SERVERLESS = "aws:elasticache/serverlessCache:ServerlessCache";
const MEMORYDB = "aws:memorydb/cluster:Cluster";
const OPENSEARCH = "aws:opensearch/domain:Domain";
const ELASTICSEARCH = "aws:elasticsearch/domain:Domain";
const MSK = "aws:msk/cluster:Cluster";
const MSK_SERVERLESS = "aws:msk/serverlessCluster:ServerlessCluster";
const REDSHIFT = "aws:redshift/cluster:Cluster";
const PARAMETER_GROUP = "aws:redshift/parameterGroup:ParameterGroup";
const LOGGING = "aws:redshift/logging:Logging";
const NAMESPACE = "aws:redshiftserverless/namespace:Namespace";
const WORKGROUP = "aws:redshiftserverless/workgroup:Workgroup";
const EFS = "aws:efs/fileSystem:FileSystem";
const BACKUP_POLICY = "aws:efs/backupPolicy:BackupPolicy";
const MARKER = "do-not-print-7f3a";

/** The hygiene the adapter gives each store of the view, by logical name (as the hygiene index would call it). */
function hygieneOf(...resources: EngineResource[]): Map<string, StoreHygiene> {
  const types = new Set(analyticsHygieneAdapter.types);
  const stores = buildInventory(resources).stores;
  const built = analyticsHygieneAdapter.build(resources.filter((r) => types.has(r.type)), stores);
  const names = new Map(stores.map((s) => [s.ref.id, s.ref.name]));
  return new Map((built.stores ?? []).map(([id, h]) => [names.get(id) ?? id, h]));
}

const one = (type: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}): StoreHygiene | undefined =>
  hygieneOf(engineResource(type, "store", props, deps)).get("store");

/** `true`/`false`/a number/a string, or the Unknown's reason as "unknown:<reason>"; undefined when the field is not set. */
function valueOf(s: Setting<unknown> | undefined): unknown {
  if (s === undefined) return undefined;
  const v: Val<unknown> = s.value;
  return isUnknown(v) ? `unknown:${v.reason}` : v;
}

interface Case {
  readonly name: string;
  readonly type: string;
  readonly props: Record<string, unknown>;
  readonly deps?: Record<string, string[]>;
  readonly planned?: boolean;
  readonly expect: Partial<Record<StoreHygieneField, unknown>>;
  readonly observed?: Partial<Record<StoreHygieneField, RegExp>>;
}

function runCases(cases: readonly Case[]): void {
  it.each(cases)("$type: $name", (c) => {
    const r = { ...engineResource(c.type, "store", c.props, c.deps ?? {}), ...(c.planned ? { plannedState: true } : {}) };
    const h = hygieneOf(r).get("store") ?? {};
    for (const [field, want] of Object.entries(c.expect)) expect(valueOf(h[field as StoreHygieneField]), field).toEqual(want);
    for (const [field, re] of Object.entries(c.observed ?? {})) expect(h[field as StoreHygieneField]?.observed, field).toMatch(re);
    expect(JSON.stringify(h)).not.toContain(MARKER);
  });
}

describe("analytics hygiene: ElastiCache", () => {
  runCases([
    { type: GROUP, name: "TLS required", props: { transitEncryptionEnabled: true, transitEncryptionMode: "required" }, expect: { transitRequired: true } },
    { type: GROUP, name: "TLS on without a mode: required", props: { transitEncryptionEnabled: true }, expect: { transitRequired: true }, observed: { transitRequired: /not set \(required\)/ } },
    {
      type: GROUP,
      name: "TLS preferred still accepts plain connections",
      props: { transitEncryptionEnabled: true, transitEncryptionMode: "preferred" },
      expect: { transitRequired: false },
      observed: { transitRequired: /preferred: plain connections still accepted/ },
    },
    { type: GROUP, name: "TLS off", props: { transitEncryptionEnabled: false }, expect: { transitRequired: false }, observed: { transitRequired: /transitEncryptionEnabled=false/ } },
    { type: GROUP, name: "TLS not set: AWS default off", props: {}, expect: { transitRequired: false, backups: false } },
    { type: GROUP, name: "TLS switch computed (preview)", props: { transitEncryptionEnabled: UNKNOWN }, deps: { transitEncryptionEnabled: ["urn:x"] }, expect: { transitRequired: "unknown:preview" } },
    { type: GROUP, name: "mode computed (preview)", props: { transitEncryptionEnabled: true, transitEncryptionMode: UNKNOWN }, expect: { transitRequired: "unknown:preview" } },
    { type: GROUP, name: "mode not an accepted value: error, value not printed", props: { transitEncryptionEnabled: true, transitEncryptionMode: MARKER }, expect: { transitRequired: "unknown:error" } },
    { type: GROUP, name: "planned state, unset TLS computed by the provider: default off", props: { transitEncryptionEnabled: UNKNOWN }, planned: true, expect: { transitRequired: false } },
    { type: GROUP, name: "snapshots kept 7 days", props: { snapshotRetentionLimit: 7 }, expect: { backups: true, backupRetentionDays: 7 } },
    { type: GROUP, name: "snapshotRetentionLimit 0: backups off", props: { snapshotRetentionLimit: 0 }, expect: { backups: false, backupRetentionDays: undefined } },
    { type: GROUP, name: "snapshotRetentionLimit computed", props: { snapshotRetentionLimit: UNKNOWN }, expect: { backups: "unknown:preview", backupRetentionDays: "unknown:preview" } },
    { type: CACHE_CLUSTER, name: "standalone Redis cluster with TLS and snapshots", props: { engine: "redis", transitEncryptionEnabled: true, snapshotRetentionLimit: 3 }, expect: { transitRequired: true, backups: true, backupRetentionDays: 3 } },
    { type: CACHE_CLUSTER, name: "Memcached: no backups", props: { engine: "memcached" }, expect: { transitRequired: false, backups: false }, observed: { backups: /Memcached/ } },
    { type: SERVERLESS, name: "serverless: TLS only; snapshots unset: off", props: { name: "c" }, expect: { transitRequired: true, backups: false } },
    { type: SERVERLESS, name: "serverless with daily snapshots kept 5 days", props: { snapshotRetentionLimit: 5 }, expect: { transitRequired: true, backups: true, backupRetentionDays: 5 } },
  ]);

  it("a member cluster of a replication group has no hygiene of its own (its group's applies)", () => {
    expect(one(CACHE_CLUSTER, { replicationGroupId: "sessions", transitEncryptionEnabled: false })).toBeUndefined();
  });
});

describe("analytics hygiene: MemoryDB", () => {
  runCases([
    { type: MEMORYDB, name: "TLS not set: on by default; no snapshots by default", props: {}, expect: { transitRequired: true, backups: false } },
    { type: MEMORYDB, name: "TLS off (open-access ACL)", props: { tlsEnabled: false, snapshotRetentionLimit: 14 }, expect: { transitRequired: false, backups: true, backupRetentionDays: 14 } },
    { type: MEMORYDB, name: "TLS computed", props: { tlsEnabled: UNKNOWN }, expect: { transitRequired: "unknown:preview" } },
  ]);

  it("is a MemoryDB store, always encrypted: AWS-owned key, or the CMK kmsKeyArn names", () => {
    const [plain, keyed] = [{ name: "m" }, { name: "k", kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/abc" }].map((props) => buildInventory([engineResource(MEMORYDB, "m", props)]).stores[0]);
    expect([plain?.kind, plain?.physicalName]).toEqual(["memorydb-cluster", "m"]);
    expectEncryption(plain!.encryption, { enabled: true, keyManager: "aws-owned" });
    expectEncryption(keyed!.encryption, { enabled: true, keyManager: "customer-managed" });
  });
});

const FGAC = { advancedSecurityOptions: { enabled: true } };
const AUDIT = [{ logType: "AUDIT_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:eu-west-1:111122223333:log-group:audit" }];

describe("analytics hygiene: OpenSearch and Elasticsearch domains", () => {
  runCases([
    {
      type: OPENSEARCH,
      name: "HTTPS enforced with TLS 1.2, node-to-node on, audit logs with fine-grained access control",
      props: { domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" }, nodeToNodeEncryption: { enabled: true }, logPublishingOptions: AUDIT, ...FGAC },
      expect: { transitRequired: true, transitMinimumTls: "Policy-Min-TLS-1-2-2019-07", transitBetweenNodes: true, auditLog: true, backups: true },
    },
    {
      type: OPENSEARCH,
      name: "no endpoint options: HTTP accepted, AWS's TLS 1.0 policy; no node-to-node; no audit logs",
      props: {},
      expect: { transitRequired: false, transitMinimumTls: "Policy-Min-TLS-1-0-2019-07", transitBetweenNodes: false, auditLog: false, backups: true },
      observed: { transitMinimumTls: /not set \(AWS default/, backups: /automated hourly snapshots/ },
    },
    { type: OPENSEARCH, name: "endpoint block without enforceHttps: provider default true", props: { domainEndpointOptions: { tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" } }, expect: { transitRequired: true, transitMinimumTls: "Policy-Min-TLS-1-2-PFS-2023-10" } },
    { type: OPENSEARCH, name: "HTTPS not enforced", props: { domainEndpointOptions: [{ enforceHttps: false }] }, expect: { transitRequired: false } },
    { type: OPENSEARCH, name: "endpoint options computed", props: { domainEndpointOptions: UNKNOWN }, expect: { transitRequired: "unknown:preview", transitMinimumTls: "unknown:preview" } },
    {
      type: OPENSEARCH,
      name: "audit logs published without fine-grained access control: not written",
      props: { logPublishingOptions: AUDIT },
      expect: { auditLog: false },
      observed: { auditLog: /need fine-grained access control/ },
    },
    { type: OPENSEARCH, name: "audit log entry disabled", props: { logPublishingOptions: [{ ...AUDIT[0], enabled: false }], ...FGAC }, expect: { auditLog: false } },
    { type: OPENSEARCH, name: "only slow logs", props: { logPublishingOptions: [{ logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: "x" }], ...FGAC }, expect: { auditLog: false } },
    { type: OPENSEARCH, name: "log options computed", props: { logPublishingOptions: UNKNOWN }, expect: { auditLog: "unknown:preview" } },
    { type: OPENSEARCH, name: "fine-grained access control computed", props: { logPublishingOptions: AUDIT, advancedSecurityOptions: UNKNOWN }, expect: { auditLog: "unknown:preview" } },
    { type: ELASTICSEARCH, name: "Elasticsearch domain reads the same", props: { nodeToNodeEncryption: { enabled: false } }, expect: { transitBetweenNodes: false, backups: true } },
  ]);
});

describe("analytics hygiene: MSK", () => {
  runCases([
    { type: MSK, name: "nothing set: TLS only, in-cluster TLS", props: {}, expect: { transitRequired: true, transitBetweenNodes: true } },
    {
      type: MSK,
      name: "TLS_PLAINTEXT accepts plain clients; in-cluster off",
      props: { encryptionInfo: { encryptionInTransit: { clientBroker: "TLS_PLAINTEXT", inCluster: false } } },
      expect: { transitRequired: false, transitBetweenNodes: false },
      observed: { transitRequired: /plaintext client connections accepted/ },
    },
    { type: MSK, name: "PLAINTEXT (v6 list shape)", props: { encryptionInfo: [{ encryptionInTransit: [{ clientBroker: "PLAINTEXT" }] }] }, expect: { transitRequired: false, transitBetweenNodes: true } },
    { type: MSK, name: "TLS explicit", props: { encryptionInfo: { encryptionInTransit: { clientBroker: "TLS", inCluster: true } } }, expect: { transitRequired: true, transitBetweenNodes: true } },
    { type: MSK, name: "encryption info computed", props: { encryptionInfo: UNKNOWN }, expect: { transitRequired: "unknown:preview", transitBetweenNodes: "unknown:preview" } },
    { type: MSK, name: "client broker not an accepted value", props: { encryptionInfo: { encryptionInTransit: { clientBroker: MARKER } } }, expect: { transitRequired: "unknown:error" } },
    { type: MSK_SERVERLESS, name: "serverless: TLS only", props: {}, expect: { transitRequired: true, transitBetweenNodes: true } },
  ]);
});

describe("analytics hygiene: Redshift", () => {
  runCases([
    { type: REDSHIFT, name: "no parameter group named: default.redshift-2.0 requires SSL; 1-day snapshots by default", props: {}, expect: { transitRequired: true, backups: true, backupRetentionDays: 1, auditLog: false } },
    { type: REDSHIFT, name: "the old default group does not require SSL", props: { clusterParameterGroupName: "default.redshift-1.0" }, expect: { transitRequired: false } },
    { type: REDSHIFT, name: "a group outside the stack: not assessed", props: { clusterParameterGroupName: "shared-params" }, expect: { transitRequired: "unknown:not-fetched" } },
    { type: REDSHIFT, name: "group name computed, no group resource", props: { clusterParameterGroupName: UNKNOWN }, expect: { transitRequired: "unknown:preview" } },
    { type: REDSHIFT, name: "automated snapshots off", props: { automatedSnapshotRetentionPeriod: 0 }, expect: { backups: false } },
    { type: REDSHIFT, name: "v6 inline audit logging on", props: { logging: { enable: true, bucketName: "logs" } }, expect: { auditLog: true } },
    { type: REDSHIFT, name: "v6 inline audit logging off", props: { logging: { enable: false } }, expect: { auditLog: false } },
    { type: REDSHIFT, name: "inline logging computed", props: { logging: UNKNOWN }, expect: { auditLog: "unknown:preview" } },
  ]);

  const params = (parameters: unknown, family = "redshift-1.0") => engineResource(PARAMETER_GROUP, "params", { name: "tls-params", family, parameters });

  it.each([
    ["require_ssl true", [{ name: "require_ssl", value: "true" }], "redshift-1.0", true],
    ["require_ssl false", [{ name: "require_ssl", value: "false" }], "redshift-2.0", false],
    ["unset: redshift-1.0 family default", [{ name: "enable_user_activity_logging", value: "true" }], "redshift-1.0", false],
    ["unset: redshift-2.0 family default", [], "redshift-2.0", true],
    ["value computed", [{ name: "require_ssl", value: UNKNOWN }], "redshift-1.0", "unknown:preview"],
  ] as const)("joins its parameter group (new stack: by dependency) — %s", (_, parameters, family, want) => {
    const group = params(parameters, family);
    const cluster = engineResource(REDSHIFT, "store", { clusterParameterGroupName: UNKNOWN }, { clusterParameterGroupName: [group.urn] });
    expect(valueOf(hygieneOf(group, cluster).get("store")?.transitRequired)).toEqual(want);
  });

  it("joins its parameter group by name in an existing stack", () => {
    const group = params([{ name: "require_ssl", value: "true" }]);
    const cluster = engineResource(REDSHIFT, "store", { clusterIdentifier: "dw", clusterParameterGroupName: "tls-params" });
    const h = hygieneOf(group, cluster).get("store");
    expect([valueOf(h?.transitRequired), h?.transitRequired?.observed]).toEqual([true, "require_ssl=true in parameter group params"]);
  });

  it.each([
    ["new stack: by dependency", { clusterIdentifier: UNKNOWN }, true],
    ["existing stack: by identifier", { clusterIdentifier: "dw" }, false],
  ] as const)("an aws:redshift/logging:Logging turns audit logging on (v7) — %s", (_, loggingProps, byDependency) => {
    const cluster = engineResource(REDSHIFT, "store", { clusterIdentifier: byDependency ? UNKNOWN : "dw" });
    const logging = engineResource(LOGGING, "audit", { ...loggingProps, logDestinationType: "cloudwatch" }, byDependency ? { clusterIdentifier: [cluster.urn] } : {});
    const other = engineResource(REDSHIFT, "other", { clusterIdentifier: "other" });
    const h = hygieneOf(cluster, logging, other);
    expect([valueOf(h.get("store")?.auditLog), valueOf(h.get("other")?.auditLog)]).toEqual([true, false]);
    expect(h.get("store")?.auditLog?.observed).toMatch(/audit logging by audit to cloudwatch/);
  });

  it.each([
    ["no workgroup: nothing said", [], undefined],
    ["workgroup with defaults: TLS required", [{}], true],
    ["a workgroup turning require_ssl off", [{ configParameters: [{ parameterKey: "require_ssl", parameterValue: "false" }] }], false],
    ["configParameters computed", [{ configParameters: UNKNOWN }], "unknown:preview"],
  ] as const)("Redshift Serverless namespace through its workgroups (by dependency) — %s", (_, workgroups, want) => {
    const ns = engineResource(NAMESPACE, "store", { namespaceName: UNKNOWN });
    const wgs = workgroups.map((props, i) => engineResource(WORKGROUP, `wg${i}`, { namespaceName: UNKNOWN, ...props }, { namespaceName: [ns.urn] }));
    expect(valueOf(hygieneOf(ns, ...wgs).get("store")?.transitRequired)).toEqual(want);
  });

  it("Redshift Serverless workgroup joins its namespace by name in an existing stack", () => {
    const ns = engineResource(NAMESPACE, "store", { namespaceName: "analytics" });
    const wg = engineResource(WORKGROUP, "wg", { namespaceName: "analytics", configParameters: [{ parameterKey: "require_ssl", parameterValue: "true" }] });
    expect(valueOf(hygieneOf(ns, wg).get("store")?.transitRequired)).toBe(true);
  });
});

describe("analytics hygiene: EFS backup policy", () => {
  it.each([
    ["new stack, by dependency: ENABLED", { fileSystemId: UNKNOWN, backupPolicy: { status: "ENABLED" } }, true, true],
    ["existing stack, by id: DISABLED", { fileSystemId: "fs-0123", backupPolicy: { status: "DISABLED" } }, false, false],
    ["existing stack, by id: ENABLED (list shape)", { fileSystemId: "fs-0123", backupPolicy: [{ status: "ENABLED" }] }, false, true],
    ["status computed", { fileSystemId: UNKNOWN, backupPolicy: { status: UNKNOWN } }, true, "unknown:preview"],
    ["status not an accepted value", { fileSystemId: UNKNOWN, backupPolicy: { status: MARKER } }, true, "unknown:error"],
  ] as const)("%s", (_, props, byDependency, want) => {
    const fs = engineResource(EFS, "store", { id: "fs-0123", encrypted: true });
    const policy = engineResource(BACKUP_POLICY, "backup", props, byDependency ? { fileSystemId: [fs.urn] } : {});
    const h = hygieneOf(fs, policy).get("store");
    expect(valueOf(h?.backups)).toEqual(want);
    expect(JSON.stringify(h)).not.toContain(MARKER);
  });

  it("without a backup policy automatic backups are off; a policy for another file system does not count", () => {
    const fs = engineResource(EFS, "store", { id: "fs-0123" });
    const policy = engineResource(BACKUP_POLICY, "backup", { fileSystemId: "fs-9999", backupPolicy: { status: "ENABLED" } });
    const h = hygieneOf(fs, policy).get("store");
    expect([valueOf(h?.backups), h?.backups?.observed]).toEqual([false, expect.stringMatching(/no aws:efs\/backupPolicy:BackupPolicy/)]);
  });
});

describe("analytics hygiene adapter", () => {
  it("declares the store types it reads and the resources holding their settings", () => {
    expect(analyticsHygieneAdapter.types).toEqual(expect.arrayContaining([GROUP, SERVERLESS, MEMORYDB, OPENSEARCH, MSK, REDSHIFT, PARAMETER_GROUP, LOGGING, WORKGROUP, EFS, BACKUP_POLICY]));
  });

  it("says nothing about stores of other groups", () => {
    expect(hygieneOf(engineResource("aws:sqs/queue:Queue", "q", {})).size).toBe(0);
  });
});
