import type { FileSystemDescription } from "@aws-sdk/client-efs";
import type { Cluster as MskCluster, EncryptionInTransit } from "@aws-sdk/client-kafka";
import type { DomainStatus } from "@aws-sdk/client-opensearch";
import { beforeAll, describe, expect, it } from "vitest";
import type { AdaptContext } from "../../../src/adapters/aws/context";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import { adaptElastiCache } from "../../../src/adapters/aws/elasticache";
import { adaptMsk } from "../../../src/adapters/aws/kafka";
import { adaptOpenSearch } from "../../../src/adapters/aws/opensearch";
import { adaptRedshift } from "../../../src/adapters/aws/redshift";
import { adaptRedshiftServerless } from "../../../src/adapters/aws/redshift-serverless";
import { adaptEfs } from "../../../src/adapters/aws/efs";
import { isUnknown } from "../../../src/core/value";
import type { CallFailure } from "../../../src/fetchers/aws/fetched";
import { fetchedValue } from "../../../src/fetchers/aws/fetched";
import { kmsFetcher } from "../../../src/fetchers/aws/kms";
import type { Setting, StoreHygiene, StoreHygieneField } from "../../../src/models/hygiene";
import { ANALYTICS_SOURCES } from "../../../src/scanner/sources/analytics";
import { ANALYTICS_HYGIENE_SOURCES } from "../../../src/scanner/sources/analytics-hygiene";
import type { AnySource } from "../../../src/scanner/source";
import { storeNamed } from "../../adapters/aws/contributions";
import { MOTO_ACCOUNT, scanContext } from "../../support/aws-context";
import { MOTO_SETUP_TIMEOUT, useMoto } from "../../support/moto/use-moto";
import { seedHygieneAnalytics } from "../../scanner/seed-hygiene-analytics";
import { kmsAnswersContext } from "./emulator-fixtures";

const REGION = "eu-west-1";

/** The store's hygiene in a contribution, by the store's name. */
function hygieneOf(c: InventoryContribution | undefined, name: string): StoreHygiene {
  const id = storeNamed(c, name).ref.id;
  const found = c?.hygiene?.stores?.find(([storeId]) => storeId === id);
  expect(found, `hygiene of ${name}`).toBeDefined();
  return found?.[1] ?? {};
}

/** Each field's value, an Unknown as "unknown:<reason>". */
function values(h: StoreHygiene, fields: readonly StoreHygieneField[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((f) => {
      const s: Setting<unknown> | undefined = h[f];
      return [f, s === undefined ? undefined : isUnknown(s.value) ? `unknown:${s.value.reason}` : s.value];
    }),
  );
}

const moto = useMoto();

describe("analytics hygiene against moto (seeded by seedHygieneAnalytics)", () => {
  let scanned: Map<string, InventoryContribution>;

  beforeAll(async () => {
    await seedHygieneAnalytics(moto().endpoint, REGION);
    const { ctx } = scanContext(moto().endpoint, REGION);
    const adaptContext = kmsAnswersContext(await kmsFetcher.fetch(ctx));
    const run = async (s: AnySource): Promise<[string, InventoryContribution]> => [s.fetcher.name, s.adapt(await s.fetcher.fetch(ctx), adaptContext)];
    scanned = new Map(await Promise.all([...ANALYTICS_SOURCES, ...ANALYTICS_HYGIENE_SOURCES].map(run)));
  }, MOTO_SETUP_TIMEOUT);

  it("every analytics source feeds hygiene; fetchers declare read-only actions of their own service", () => {
    for (const s of [...ANALYTICS_SOURCES, ...ANALYTICS_HYGIENE_SOURCES]) {
      expect(s.feeds, s.fetcher.name).toContain("hygiene");
      for (const action of s.fetcher.actions) expect(action.split(":")[1], action).toMatch(/^(Describe|List)/);
    }
    const actions = [...ANALYTICS_SOURCES, ...ANALYTICS_HYGIENE_SOURCES].flatMap((s) => s.fetcher.actions);
    expect(actions).toEqual(
      expect.arrayContaining(["redshift:DescribeLoggingStatus", "redshift:DescribeClusterParameters", "elasticfilesystem:DescribeBackupPolicy", "memorydb:DescribeClusters", "memorydb:ListTags"]),
    );
  });

  it("ElastiCache: TLS required with 7-day snapshots; TLS 'preferred' (plain accepted) without snapshots", () => {
    const c = scanned.get("elasticache");
    expect(values(hygieneOf(c, "hyg-ok-cache"), ["transitRequired", "backups", "backupRetentionDays"])).toEqual({ transitRequired: true, backups: true, backupRetentionDays: 7 });
    const bad = hygieneOf(c, "hyg-bad-cache");
    expect(values(bad, ["transitRequired", "backups", "backupRetentionDays"])).toEqual({ transitRequired: false, backups: false, backupRetentionDays: undefined });
    expect(bad.transitRequired?.observed).toMatch(/preferred/);
  });

  it("MemoryDB: a store of the new kind, keyed by its ARN, with TLS and snapshots; one without either", () => {
    const c = scanned.get("memorydb-clusters");
    expect(c?.gaps).toBeUndefined();
    const ok = storeNamed(c, "hyg-ok-memdb");
    expect(ok).toMatchObject({
      kind: "memorydb-cluster",
      ref: { id: `arn:aws:memorydb:${REGION}:${MOTO_ACCOUNT}:cluster/hyg-ok-memdb`, account: MOTO_ACCOUNT, region: REGION },
      tags: { "data-classification": "restricted" },
      encryption: { enabled: true, keyManager: "aws-owned" },
    });
    expect(values(hygieneOf(c, "hyg-ok-memdb"), ["transitRequired", "backups", "backupRetentionDays"])).toEqual({ transitRequired: true, backups: true, backupRetentionDays: 7 });
    expect(values(hygieneOf(c, "hyg-bad-memdb"), ["transitRequired", "backups"])).toEqual({ transitRequired: false, backups: false });
  });

  it("OpenSearch: HTTPS with a current TLS policy, node-to-node, audit logs with fine-grained access control; one with none", () => {
    const c = scanned.get("opensearch-domains");
    const fields = ["transitRequired", "transitMinimumTls", "transitBetweenNodes", "auditLog", "backups"] as const;
    expect(values(hygieneOf(c, "hyg-ok-search"), fields)).toEqual({
      transitRequired: true,
      transitMinimumTls: "Policy-Min-TLS-1-2-PFS-2023-10",
      transitBetweenNodes: true,
      auditLog: true,
      backups: true,
    });
    expect(values(hygieneOf(c, "hyg-bad-search"), fields)).toEqual({
      transitRequired: false,
      transitMinimumTls: "Policy-Min-TLS-1-0-2019-07",
      transitBetweenNodes: false,
      auditLog: false,
      backups: true,
    });
  });

  it("Redshift: audit logging and 7-day snapshots; none and snapshots off; require_ssl read from the parameter group", () => {
    const c = scanned.get("redshift-clusters");
    expect(c?.gaps).toEqual([]);
    const ok = hygieneOf(c, "hyg-ok-dw");
    expect(values(ok, ["auditLog", "backups", "backupRetentionDays"])).toEqual({ auditLog: true, backups: true, backupRetentionDays: 7 });
    expect(ok.auditLog?.observed).toMatch(/to cloudwatch/);
    // moto answers require_ssl=false for every group and reads AutomatedSnapshotRetentionPeriod 0 as its
    // default 1: the compliant require_ssl and the snapshots-off cases are in the recorded tests.
    expect(values(hygieneOf(c, "hyg-bad-dw"), ["transitRequired", "auditLog"])).toEqual({ transitRequired: false, auditLog: false });
    expect(hygieneOf(c, "hyg-bad-dw").transitRequired?.observed).toMatch(/require_ssl=false in parameter group default\.redshift-1\.0/);
  });

  it("EFS: a backup policy ENABLED; none (PolicyNotFound) is backups off", () => {
    const c = scanned.get("efs-file-systems");
    const byToken = (token: string) => {
      const s = c?.stores?.find((st) => isUnknown(st.tags) === false && (st.tags as Record<string, string> | undefined)?.["Name"] === token);
      expect(s, token).toBeDefined();
      return c?.hygiene?.stores?.find(([id]) => id === s?.ref.id)?.[1] ?? {};
    };
    expect(values(byToken("hyg-ok-files"), ["backups"])).toEqual({ backups: true });
    expect(values(byToken("hyg-bad-files"), ["backups"])).toEqual({ backups: false });
  });
});

/** Recorded answers where moto lacks the API or the setting. */
describe("analytics hygiene from recorded answers", () => {
  const ctx: AdaptContext = { account: "111122223333", partition: "aws", keyManager: () => "customer-managed", keyRef: () => undefined } as unknown as AdaptContext;
  const denied = (action: string): CallFailure => ({ reason: "access-denied", service: "redshift", action, region: "eu-west-1", detail: "AccessDenied" });

  it("MSK (moto's listing is unreadable): TLS_PLAINTEXT accepts plain clients; unset is TLS; serverless always TLS", () => {
    const cluster = (name: string, transit: EncryptionInTransit | undefined): MskCluster => ({
      ClusterArn: `arn:aws:kafka:eu-west-1:111122223333:cluster/${name}/1`,
      ClusterName: name,
      ClusterType: "PROVISIONED" as const,
      Provisioned: { EncryptionInfo: transit ? { EncryptionInTransit: transit } : undefined } as MskCluster["Provisioned"],
    });
    const c = adaptMsk(
      {
        region: "eu-west-1",
        clusters: fetchedValue([
          cluster("plain", { ClientBroker: "TLS_PLAINTEXT", InCluster: false }),
          cluster("tls", { ClientBroker: "TLS", InCluster: true }),
          cluster("unset", undefined),
          { ClusterArn: "arn:aws:kafka:eu-west-1:111122223333:cluster/sls/2", ClusterName: "sls", ClusterType: "SERVERLESS" },
        ]),
      },
      ctx,
    );
    const fields = ["transitRequired", "transitBetweenNodes"] as const;
    expect(values(hygieneOf(c, "plain"), fields)).toEqual({ transitRequired: false, transitBetweenNodes: false });
    expect(values(hygieneOf(c, "tls"), fields)).toEqual({ transitRequired: true, transitBetweenNodes: true });
    expect(values(hygieneOf(c, "unset"), fields)).toEqual({ transitRequired: true, transitBetweenNodes: true });
    expect(values(hygieneOf(c, "sls"), fields)).toEqual({ transitRequired: true, transitBetweenNodes: true });
  });

  it("ElastiCache Serverless (not in moto): always TLS; snapshots per SnapshotRetentionLimit", () => {
    const cache = (name: string, limit?: number) => ({ resource: { ServerlessCacheName: name, ARN: `arn:aws:elasticache:eu-west-1:111122223333:serverlesscache:${name}`, SnapshotRetentionLimit: limit }, tags: fetchedValue([]) });
    const c = adaptElastiCache(
      { region: "eu-west-1", replicationGroups: fetchedValue([]), cacheClusters: fetchedValue([]), serverlessCaches: fetchedValue([cache("kept", 3), cache("none", 0)]), subnetGroups: fetchedValue([]) },
      ctx,
    );
    expect(values(hygieneOf(c, "kept"), ["transitRequired", "backups", "backupRetentionDays"])).toEqual({ transitRequired: true, backups: true, backupRetentionDays: 3 });
    expect(values(hygieneOf(c, "none"), ["transitRequired", "backups"])).toEqual({ transitRequired: true, backups: false });
  });

  const cluster = { ClusterIdentifier: "dw", ClusterParameterGroups: [{ ParameterGroupName: "tls" }], AutomatedSnapshotRetentionPeriod: 1 };
  const redshift = (over: object) => adaptRedshift({ region: "eu-west-1", clusters: fetchedValue([cluster]), subnetGroups: fetchedValue([]), ...over }, ctx);

  it("Redshift: require_ssl=true in the cluster's parameter group (moto cannot set it)", () => {
    const c = redshift({ requireSsl: { tls: fetchedValue("true") }, loggingStatus: { dw: fetchedValue({ LoggingEnabled: true, LogDestinationType: "s3" }) } });
    expect(values(hygieneOf(c, "dw"), ["transitRequired", "auditLog", "backups"])).toEqual({ transitRequired: true, auditLog: true, backups: true });
  });

  it("Redshift: AutomatedSnapshotRetentionPeriod 0 turns automated snapshots off (moto cannot seed 0)", () => {
    const c = adaptRedshift({ region: "eu-west-1", clusters: fetchedValue([{ ...cluster, AutomatedSnapshotRetentionPeriod: 0 }]), subnetGroups: fetchedValue([]) }, ctx);
    expect(values(hygieneOf(c, "dw"), ["backups", "backupRetentionDays"])).toEqual({ backups: false, backupRetentionDays: undefined });
  });

  it("Redshift: denied DescribeLoggingStatus / DescribeClusterParameters are not assessed (access-denied), naming the action", () => {
    const c = redshift({ requireSsl: { tls: { ok: false, failure: denied("redshift:DescribeClusterParameters") } }, loggingStatus: { dw: { ok: false, failure: denied("redshift:DescribeLoggingStatus") } } });
    const h = hygieneOf(c, "dw");
    expect(values(h, ["transitRequired", "auditLog"])).toEqual({ transitRequired: "unknown:access-denied", auditLog: "unknown:access-denied" });
    expect(isUnknown(h.auditLog?.value) && h.auditLog.value.detail).toMatch(/redshift:DescribeLoggingStatus/);
    expect(isUnknown(h.transitRequired?.value) && h.transitRequired.value.detail).toMatch(/redshift:DescribeClusterParameters/);
  });

  it("Redshift: answers without the hygiene calls (older recordings) leave them not fetched", () => {
    expect(values(hygieneOf(redshift({}), "dw"), ["transitRequired", "auditLog"])).toEqual({ transitRequired: "unknown:not-fetched", auditLog: "unknown:not-fetched" });
  });

  it("Redshift Serverless: a workgroup's require_ssl (default true) makes its namespace's transit setting", () => {
    const ns = (name: string) => ({ namespace: { namespaceName: name, namespaceArn: `arn:aws:redshift-serverless:eu-west-1:111122223333:namespace/${name}` }, tags: fetchedValue([]) });
    const c = adaptRedshiftServerless(
      {
        region: "eu-west-1",
        namespaces: fetchedValue([ns("secure"), ns("open"), ns("idle")]),
        workgroups: fetchedValue([
          { workgroupName: "wg-secure", namespaceName: "secure", configParameters: [{ parameterKey: "datestyle", parameterValue: "ISO, MDY" }] },
          { workgroupName: "wg-open", namespaceName: "open", configParameters: [{ parameterKey: "require_ssl", parameterValue: "false" }] },
        ]),
      },
      ctx,
    );
    expect(values(hygieneOf(c, "secure"), ["transitRequired"])).toEqual({ transitRequired: true });
    expect(values(hygieneOf(c, "open"), ["transitRequired"])).toEqual({ transitRequired: false });
    expect(c.hygiene?.stores?.some(([id]) => id.endsWith("/idle"))).toBe(false);
  });

  it("OpenSearch: audit logs published without fine-grained access control are not written", () => {
    const c = adaptOpenSearch(
      {
        region: "eu-west-1",
        domains: fetchedValue([{ name: "d", status: fetchedValue({ DomainName: "d", ARN: "arn:aws:es:eu-west-1:111122223333:domain/d", LogPublishingOptions: { AUDIT_LOGS: { Enabled: true } } } as DomainStatus), tags: fetchedValue([]) }]),
      },
      ctx,
    );
    const h = hygieneOf(c, "d");
    expect([values(h, ["auditLog"]), h.auditLog?.observed]).toEqual([{ auditLog: false }, expect.stringMatching(/need fine-grained access control/)]);
  });

  it("EFS: a denied DescribeBackupPolicy is not assessed", () => {
    const fs = { FileSystemId: "fs-1", FileSystemArn: "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-1" } as FileSystemDescription;
    const c = adaptEfs(
      {
        region: "eu-west-1",
        fileSystems: fetchedValue([
          { fileSystem: fs, policy: fetchedValue(undefined), mountTargets: fetchedValue([]), backupStatus: { ok: false, failure: { ...denied("elasticfilesystem:DescribeBackupPolicy"), service: "elasticfilesystem" } } },
        ]),
      },
      ctx,
    );
    expect(values(hygieneOf(c, "fs-1"), ["backups"])).toEqual({ backups: "unknown:access-denied" });
  });
});
