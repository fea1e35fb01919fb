import { describe, expect, it } from "vitest";
import { engineResource, UNKNOWN } from "../../helpers/engine";
import { expectEncryption, KEY_ARN, KEY_URN, stackOf, storeCases, storeOf, type StoreCase } from "./store-cases";

const COPIES = [
  ["aws:rds/snapshotCopy:SnapshotCopy", "sourceDbSnapshotIdentifier", "targetDbSnapshotIdentifier"],
  ["aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", "sourceDbClusterSnapshotIdentifier", "targetDbClusterSnapshotIdentifier"],
] as const;

describe("RDS snapshot copy adapters (v6 and v7 share the shape)", () => {
  storeCases(
    "rds-snapshot-copy",
    COPIES.flatMap(([type, source]): StoreCase[] => [
      { type, name: "CMK from a key resource (preview)", props: { [source]: "s", kmsKeyId: UNKNOWN }, deps: { kmsKeyId: [KEY_URN] }, expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN } },
      { type, name: "CMK by ARN", props: { [source]: "s", kmsKeyId: KEY_ARN }, expect: { enabled: true, keyManager: "customer-managed", keyId: KEY_ARN } },
      { type, name: "AWS-managed alias", props: { [source]: "s", kmsKeyId: "alias/aws/rds" }, expect: { enabled: true, keyManager: "aws-managed" } },
      { type, name: "no key: keeps the source snapshot's encryption", props: { [source]: "s" }, expect: { unknown: "not-fetched", detail: new RegExp(source) } },
      { type, name: "key unknown without a key resource", props: { [source]: "s", kmsKeyId: UNKNOWN }, expect: { enabled: true, keyManager: "preview" } },
      { type, name: "key of the wrong type", props: { [source]: "s", kmsKeyId: false }, expect: { enabled: true, keyManager: "error", detail: /'kmsKeyId'.*should be a string, got boolean/ } },
    ]),
  );

  it.each(COPIES)("%s: copyOf snapshot-copy, named by its target identifier", (type, source, target) => {
    const s = storeOf(type, { [source]: "rds:orders-2024", [target]: "orders-copy" });
    expect(s.copyOf).toEqual({ relation: "snapshot-copy", source: "rds:orders-2024", sourceProperty: source });
    expect(s.physicalName).toBe("orders-copy");
  });

  it.each(COPIES)("%s: a computed source is a preview unknown", (type, source) => {
    const s = storeOf(type, { [source]: UNKNOWN });
    expectEncryption(s.encryption, { unknown: "not-fetched" });
    expect(s.copyOf?.sourceProperty).toBe(source);
    expect(s.copyOf && typeof s.copyOf.source === "object" && s.copyOf.source.reason).toBe("preview");
  });

  it("a copy of a copy in the same stack inherits its encryption", () => {
    const [type, source, target] = COPIES[0];
    const first = engineResource(type, "first", { [source]: "s", [target]: "first-copy", kmsKeyId: UNKNOWN }, { kmsKeyId: [KEY_URN] });
    const second = engineResource(type, "second", { [source]: UNKNOWN }, { [source]: [first.urn] });
    const s = stackOf(first, second).get("second");
    expect(s?.copyOf?.sourceRef).toBe(first.urn);
    expectEncryption(s!.encryption, { keyManager: "customer-managed", keyRef: KEY_URN });
  });
});
