import { describe, expect, it } from "vitest";
import { unknown } from "../../../src/core/value";
import type { DataStore } from "../../../src/models/data-store";
import { copiesAndReplicasStayEncrypted as rule } from "../../../src/rules/encryption/copies-and-replicas-stay-encrypted";
import { CMK, run, statuses, store } from "../../helpers/models";

const source = store({ ref: { id: "urn:src", type: "aws:rds/instance:Instance", name: "primary", label: "RDS instance" } });
const replica = (over: Partial<DataStore> = {}): DataStore =>
  store({
    ref: { id: "urn:replica", type: "aws:rds/instance:Instance", name: "replica", label: "RDS instance" },
    copyOf: { relation: "read-replica", source: unknown("preview", "replicateSourceDb is computed"), sourceRef: "urn:src" },
    ...over,
  });
const awsManaged = { ...CMK, keyManager: "aws-managed" as const, keyRef: undefined, observed: "storageEncrypted=true without kmsKeyId" };

describe("CDG-ENC-005 copies-and-replicas-stay-encrypted", () => {
  it.each([
    ["compliant: replica with a CMK like its source", [source, replica()], ["pass"]],
    ["compliant: copy whose source is outside the stack, encrypted", [replica({ copyOf: { relation: "snapshot-copy", source: "snap-1" } })], ["pass"]],
    ["violation: replica not encrypted", [source, replica({ encryption: { enabled: false, keyManager: undefined, observed: "storageEncrypted=false" } })], ["fail"]],
    ["violation: replica falls back to the AWS-managed key", [source, replica({ encryption: awsManaged })], ["fail"]],
    ["compliant: AWS-managed replica of an AWS-managed source", [store({ ...source, encryption: awsManaged }), replica({ encryption: awsManaged })], ["pass"]],
    ["unknown: replica inherits encryption from a source outside the view", [replica({ encryption: unknown("not-fetched", "inherits its source's encryption"), encryptionFrom: "source", copyOf: { relation: "read-replica", source: "db-1" } })], ["unknown"]],
    ["unknown: source key computed", [store({ ...source, encryption: { ...CMK, keyManager: unknown("preview", "kmsKeyId is computed") } }), replica({ encryption: awsManaged })], ["unknown"]],
    ["not judged: stores that are not copies", [source], []],
  ])("%s", (_name, stores, expected) => {
    expect(statuses(run(rule, { stores }))).toEqual(expected);
  });
});
