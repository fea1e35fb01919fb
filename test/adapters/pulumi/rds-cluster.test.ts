import { describe, expect, it } from "vitest";
import { engineResource, UNKNOWN, urnOf } from "../../helpers/engine";
import { expectEncryption, KEY_URN, MARKER, stackOf, storeCases, storeOf, switchedCases, type StoreCase } from "./store-cases";

const CLUSTER = "aws:rds/cluster:Cluster";
const NATIVE = "aws-native:rds:DbCluster";
const GLOBAL = "aws:rds/globalCluster:GlobalCluster";
const NOT_ENCRYPTED = { enabled: false, keyManager: null } as const;

describe("RDS cluster adapters", () => {
  describe("storage encryption (v6 and v7 share the shape; aws-native)", () => {
    storeCases("rds-cluster", [
      ...[CLUSTER, NATIVE].flatMap((type) =>
        switchedCases(type, "storageEncrypted", "kmsKeyId", { unset: NOT_ENCRYPTED, keyless: "aws-managed", awsAlias: "alias/aws/rds" }),
      ),
      ...[CLUSTER, NATIVE].flatMap((type): StoreCase[] => [
        { type, name: "Aurora Serverless v1 is encrypted by default", props: { engineMode: "serverless" }, expect: { enabled: true, keyManager: "aws-managed" } },
        { type, name: "provisioned engine mode keeps the false default", props: { engineMode: "provisioned" }, expect: NOT_ENCRYPTED },
        { type, name: "engine mode unknown and nothing set", props: { engineMode: UNKNOWN }, expect: { unknown: "preview" } },
        { type, name: "engine mode unknown but storageEncrypted set", props: { engineMode: UNKNOWN, storageEncrypted: true }, expect: { enabled: true } },
        { type, name: "engine mode of the wrong type", props: { engineMode: 3 }, expect: { unknown: "error", detail: /'engineMode'.*should be a string/ } },
        { type, name: "switch a string (wrong type)", props: { storageEncrypted: MARKER }, expect: { enabled: "error", detail: /should be true or false, got string/ } },
        { type, name: "restored from a snapshot takes its encryption", props: { snapshotIdentifier: "snap" }, expect: { unknown: "not-fetched" } },
        { type, name: "restored with a key is encrypted with it", props: { snapshotIdentifier: "snap", kmsKeyId: UNKNOWN }, deps: { kmsKeyId: [KEY_URN] }, expect: { keyManager: "customer-managed" } },
      ]),
      { type: CLUSTER, name: "point-in-time restore takes the source's encryption", props: { restoreToPointInTime: { sourceClusterIdentifier: "src" } }, expect: { unknown: "not-fetched" } },
      { type: NATIVE, name: "point-in-time restore takes the source's encryption", props: { sourceDbClusterIdentifier: "src" }, expect: { unknown: "not-fetched" } },
    ]);
  });

  it.each([
    [CLUSTER, "clusterIdentifier"],
    [NATIVE, "dbClusterIdentifier"],
    [GLOBAL, "globalClusterIdentifier"],
  ])("%s names the store by %s", (type, property) => {
    expect(storeOf(type, { [property]: "orders-db" }).physicalName).toBe("orders-db");
  });

  it.each([CLUSTER, NATIVE])("%s replica: copyOf read-replica, encryption inherited in the stack view", (type) => {
    const source = engineResource(CLUSTER, "primary", { storageEncrypted: true, kmsKeyId: UNKNOWN }, { kmsKeyId: [KEY_URN] });
    const replica = engineResource(type, "replica", { replicationSourceIdentifier: UNKNOWN }, { replicationSourceIdentifier: [source.urn] });
    const alone = storeOf(type, replica.props, { replicationSourceIdentifier: [source.urn] });
    expect(alone.copyOf).toMatchObject({ relation: "read-replica", sourceProperty: "replicationSourceIdentifier" });
    expectEncryption(alone.encryption, { unknown: "not-fetched" });
    const s = stackOf(source, replica).get("replica");
    expect(s?.copyOf?.sourceRef).toBe(source.urn);
    expectEncryption(s!.encryption, { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN, observed: /inherited from 'primary'/ });
  });

  it("a replica that sets its own key keeps it", () => {
    const s = storeOf(CLUSTER, { replicationSourceIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster:src", storageEncrypted: false });
    expect(s.copyOf?.source).toBe("arn:aws:rds:eu-west-1:111122223333:cluster:src");
    expectEncryption(s.encryption, { enabled: false });
  });

  describe("global cluster", () => {
    storeCases("rds-cluster", [
      { type: GLOBAL, name: "storageEncrypted=true: keys are the member clusters'", props: { storageEncrypted: true }, expect: { enabled: true, keyManager: "not-fetched" } },
      { type: GLOBAL, name: "not set: default false", props: {}, expect: { ...NOT_ENCRYPTED, observed: /not set/ } },
      { type: GLOBAL, name: "false", props: { storageEncrypted: false }, expect: NOT_ENCRYPTED },
      { type: GLOBAL, name: "unknown", props: { storageEncrypted: UNKNOWN }, expect: { enabled: "preview" } },
      { type: GLOBAL, name: "wrong type", props: { storageEncrypted: MARKER }, expect: { enabled: "error", detail: /'storageEncrypted'/ } },
    ]);

    it("created from a cluster: copyOf replica, encryption inherited", () => {
      const source = engineResource(CLUSTER, "primary", { storageEncrypted: true });
      const global = engineResource(GLOBAL, "global", { sourceDbClusterIdentifier: UNKNOWN }, { sourceDbClusterIdentifier: [source.urn] });
      const s = stackOf(source, global).get("global");
      expect(s?.copyOf).toMatchObject({ relation: "replica", sourceRef: source.urn });
      expectEncryption(s!.encryption, { enabled: true, keyManager: "aws-managed" });
    });
  });

  it("a cluster and its replica by known name, in the stack view", () => {
    const stack = stackOf(
      engineResource(CLUSTER, "primary", { clusterIdentifier: "orders", storageEncrypted: true }),
      engineResource(CLUSTER, "replica", { replicationSourceIdentifier: "orders" }),
    );
    expect(stack.get("replica")?.copyOf?.sourceRef).toBe(urnOf(CLUSTER, "primary"));
  });
});
