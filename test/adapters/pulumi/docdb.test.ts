import { describe, expect, it } from "vitest";
import { storeCases, storeOf, switchedCases } from "./store-cases";

const CLUSTER = "aws:docdb/cluster:Cluster";

describe("DocumentDB cluster adapter (v6 and v7 share the shape)", () => {
  storeCases("docdb-cluster", [
    ...switchedCases(CLUSTER, "storageEncrypted", "kmsKeyId", { unset: { enabled: false, keyManager: null }, keyless: "aws-managed", awsAlias: "alias/aws/rds" }),
    { type: CLUSTER, name: "restored from a snapshot takes its encryption", props: { snapshotIdentifier: "snap" }, expect: { unknown: "not-fetched" } },
    { type: CLUSTER, name: "restored and encrypted explicitly", props: { snapshotIdentifier: "snap", storageEncrypted: true }, expect: { enabled: true } },
  ]);

  it("is named by clusterIdentifier", () => {
    expect(storeOf(CLUSTER, { clusterIdentifier: "docs" }).physicalName).toBe("docs");
  });
});
