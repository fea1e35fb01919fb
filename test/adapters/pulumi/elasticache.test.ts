import { describe, expect, it } from "vitest";
import { storeFacts } from "../../../src/models/store-kind-facts";
import { engineResource, UNKNOWN } from "../../helpers/engine";
import { alwaysEncryptedCases, expectEncryption, KEY_URN, MARKER, stackOf, storeCases, storeOf, switchedCases, type StoreCase } from "./store-cases";

const GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const CLUSTER = "aws:elasticache/cluster:Cluster";
const SERVERLESS = "aws:elasticache/serverlessCache:ServerlessCache";

describe("ElastiCache adapters (v6 and v7 share the shape)", () => {
  describe("replication group", () => {
    storeCases("elasticache-replication-group", [
      ...switchedCases(GROUP, "atRestEncryptionEnabled", "kmsKeyId", { unset: { enabled: false, keyManager: null }, keyless: "aws-owned" }),
      ...(["redis", "valkey"] as const).flatMap((engine): StoreCase[] => [
        { type: GROUP, name: `${engine}: explicit false`, props: { engine, atRestEncryptionEnabled: false }, expect: { enabled: false } },
        { type: GROUP, name: `${engine}: CMK from a key resource`, props: { engine, atRestEncryptionEnabled: true, kmsKeyId: UNKNOWN }, deps: { kmsKeyId: [KEY_URN] }, expect: { keyManager: "customer-managed", keyRef: KEY_URN } },
      ]),
      { type: GROUP, name: "redis default: not encrypted", props: { engine: "redis" }, expect: { enabled: false } },
      { type: GROUP, name: "valkey default: encrypted", props: { engine: "valkey" }, expect: { enabled: true, keyManager: "aws-owned", observed: /by default/ } },
      { type: GROUP, name: "engine computed, nothing set", props: { engine: UNKNOWN }, expect: { unknown: "preview" } },
      { type: GROUP, name: "engine a number (wrong type)", props: { engine: 7 }, expect: { unknown: "error", detail: /'engine'/ } },
      { type: GROUP, name: "switch a string (wrong type)", props: { atRestEncryptionEnabled: MARKER }, expect: { enabled: "error" } },
      { type: GROUP, name: "global datastore secondary takes its encryption", props: { globalReplicationGroupId: UNKNOWN }, expect: { unknown: "not-fetched" } },
    ]);

    it("a global datastore secondary is a replica; named by replicationGroupId", () => {
      const s = storeOf(GROUP, { replicationGroupId: "sessions", globalReplicationGroupId: "ldgnf-sessions" });
      expect(s.copyOf).toEqual({ relation: "replica", source: "ldgnf-sessions", sourceProperty: "globalReplicationGroupId" });
      expect(s.physicalName).toBe("sessions");
    });
  });

  describe("cache cluster (no at-rest setting)", () => {
    storeCases("elasticache-replication-group", [
      { type: CLUSTER, name: "memcached: not encrypted, says why", props: { engine: "memcached" }, expect: { enabled: false, observed: /Memcached never encrypts at rest/ } },
      { type: CLUSTER, name: "member of a replication group: as the group", props: { replicationGroupId: "sessions" }, expect: { unknown: "not-fetched" } },
    ]);

    it.each([
      ["through propertyDependencies", { replicationGroupId: UNKNOWN }, true],
      ["by known name", { replicationGroupId: "sessions" }, false],
    ] as const)("a member joins its replication group %s and inherits its encryption", (_, props, byDependency) => {
      const group = engineResource(GROUP, "group", { replicationGroupId: "sessions", atRestEncryptionEnabled: true, kmsKeyId: UNKNOWN }, { kmsKeyId: [KEY_URN] });
      const member = engineResource(CLUSTER, "member", props, byDependency ? { replicationGroupId: [group.urn] } : {});
      const s = stackOf(group, member).get("member");
      expect(s?.copyOf).toMatchObject({ relation: "replica", sourceRef: group.urn });
      expectEncryption(s!.encryption, { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN });
    });
  });

  describe("serverless cache: always encrypted", () => {
    storeCases("elasticache-serverless-cache", alwaysEncryptedCases(SERVERLESS, "kmsKeyId", "aws-owned"));
    it("is named and encrypted by default", () => {
      const s = storeOf(SERVERLESS, { name: "cache" });
      expect([s.physicalName, storeFacts(s.kind, s.variant).encryption.always]).toEqual(["cache", true]);
    });
  });
});
