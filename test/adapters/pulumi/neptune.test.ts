import { describe, expect, it } from "vitest";
import { engineResource, UNKNOWN } from "../../helpers/engine";
import { expectEncryption, stackOf, storeCases, storeOf, switchedCases } from "./store-cases";

const CLUSTER = "aws:neptune/cluster:Cluster";

describe("Neptune cluster adapter (v6 and v7 share the shape)", () => {
  storeCases("neptune-cluster", [
    ...switchedCases(CLUSTER, "storageEncrypted", "kmsKeyArn", { unset: { enabled: false, keyManager: null }, keyless: "aws-managed", awsAlias: "alias/aws/rds" }),
    { type: CLUSTER, name: "restored from a snapshot takes its encryption", props: { snapshotIdentifier: "snap" }, expect: { unknown: "not-fetched" } },
  ]);

  it("a replica is a read replica of its source and inherits its encryption", () => {
    const source = engineResource(CLUSTER, "graph", { clusterIdentifier: "graph", storageEncrypted: true });
    const replica = engineResource(CLUSTER, "graph-replica", { replicationSourceIdentifier: UNKNOWN }, { replicationSourceIdentifier: [source.urn] });
    expect(storeOf(CLUSTER, { replicationSourceIdentifier: "graph" }).copyOf).toEqual({
      relation: "read-replica",
      source: "graph",
      sourceProperty: "replicationSourceIdentifier",
    });
    const s = stackOf(source, replica).get("graph-replica");
    expect(s?.copyOf?.sourceRef).toBe(source.urn);
    expectEncryption(s!.encryption, { enabled: true, keyManager: "aws-managed", observed: /inherited from 'graph'/ });
    expect(stackOf(source, replica).get("graph")?.physicalName).toBe("graph");
  });
});
