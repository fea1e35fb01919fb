import { describe, expect, it } from "vitest";
import { storeFacts } from "../../../src/models/store-kind-facts";
import { UNKNOWN } from "../../helpers/engine";
import { alwaysEncryptedCases, MARKER, storeCases, storeOf, switchedCases, type StoreCase } from "./store-cases";

const CLUSTER = "aws:redshift/cluster:Cluster";
const NAMESPACE = "aws:redshiftserverless/namespace:Namespace";
const BY_DEFAULT = { enabled: true, keyManager: "aws-owned", observed: /encrypted by default/ } as const;
const v7 = (cases: StoreCase[]) => cases.map((c) => ({ ...c, name: `v7 ${c.name}` }));
const v6 = (cases: StoreCase[]) => cases.map((c) => ({ ...c, name: `v6 ${c.name}` }));

describe("Redshift adapters", () => {
  describe("provisioned cluster: v6 boolean, v7 string (default \"true\")", () => {
    storeCases("redshift-cluster", [
      ...v6(switchedCases(CLUSTER, "encrypted", "kmsKeyId", { unset: BY_DEFAULT, keyless: "aws-owned", awsAlias: "alias/aws/redshift" })),
      ...v7(switchedCases(CLUSTER, "encrypted", "kmsKeyId", { on: "true", off: "false", unset: BY_DEFAULT, keyless: "aws-owned" })),
      { type: CLUSTER, name: "v7 another string (wrong value)", props: { encrypted: MARKER }, expect: { enabled: "error", detail: /'encrypted'.*should be true or false/ } },
      { type: CLUSTER, name: "v7 empty string is not set", props: { encrypted: "" }, expect: BY_DEFAULT },
      { type: CLUSTER, name: "a list (wrong type)", props: { encrypted: [true] }, expect: { enabled: "error", detail: /got a list/ } },
    ]);

    it("is named by clusterIdentifier and not encrypted-by-default (old clusters may be plain)", () => {
      const s = storeOf(CLUSTER, { clusterIdentifier: "warehouse" });
      expect(s.physicalName).toBe("warehouse");
      expect(storeFacts(s.kind, s.variant).encryption.always).toBeUndefined();
    });
  });

  describe("serverless namespace: always encrypted", () => {
    storeCases("redshift-serverless-namespace", [
      ...alwaysEncryptedCases(NAMESPACE, "kmsKeyId", "aws-owned"),
      { type: NAMESPACE, name: "AWS-managed alias", props: { kmsKeyId: "alias/aws/redshift" }, expect: { enabled: true, keyManager: "aws-managed" } },
      { type: NAMESPACE, name: "key computed", props: { kmsKeyId: UNKNOWN }, expect: { enabled: true, keyManager: "preview" } },
    ]);

    it("is named by namespaceName and encrypted by default", () => {
      const s = storeOf(NAMESPACE, { namespaceName: "analytics" });
      expect(s.physicalName).toBe("analytics");
      expect(storeFacts(s.kind, s.variant).encryption.always).toBe(true);
    });
  });
});
