import { describe, expect, it } from "vitest";
import { storeFacts } from "../../../src/models/store-kind-facts";
import { UNKNOWN } from "../../helpers/engine";
import { KEY_ARN, KEY_URN, MARKER, storeCases, storeOf, type StoreCase } from "./store-cases";

const QUEUE = "aws:sqs/queue:Queue";

describe("SQS queue adapter (v6 and v7 share the shape)", () => {
  const cases: StoreCase[] = [
    { type: QUEUE, name: "CMK from a key resource (preview)", props: { kmsMasterKeyId: UNKNOWN }, deps: { kmsMasterKeyId: [KEY_URN] }, expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN } },
    { type: QUEUE, name: "CMK by ARN", props: { kmsMasterKeyId: KEY_ARN }, expect: { keyManager: "customer-managed", keyId: KEY_ARN } },
    { type: QUEUE, name: "AWS-managed alias/aws/sqs", props: { kmsMasterKeyId: "alias/aws/sqs" }, expect: { enabled: true, keyManager: "aws-managed", keyId: "alias/aws/sqs" } },
    { type: QUEUE, name: "a key with SSE-SQS off is SSE-KMS", props: { kmsMasterKeyId: KEY_ARN, sqsManagedSseEnabled: false }, expect: { enabled: true, keyManager: "customer-managed" } },
    { type: QUEUE, name: "nothing set: SSE-SQS by default", props: {}, expect: { enabled: true, keyManager: "aws-owned", observed: /SSE-SQS by default/ } },
    { type: QUEUE, name: "SSE-SQS on", props: { sqsManagedSseEnabled: true }, expect: { enabled: true, keyManager: "aws-owned" } },
    { type: QUEUE, name: "SSE-SQS off without a key: not encrypted", props: { sqsManagedSseEnabled: false }, expect: { enabled: false, keyManager: null } },
    { type: QUEUE, name: "SSE-SQS switch computed", props: { sqsManagedSseEnabled: UNKNOWN }, expect: { enabled: "preview" } },
    { type: QUEUE, name: "key computed without a key resource", props: { kmsMasterKeyId: UNKNOWN }, expect: { enabled: true, keyManager: "preview" } },
    { type: QUEUE, name: "switch a string (wrong type)", props: { sqsManagedSseEnabled: MARKER }, expect: { enabled: "error", detail: /'sqsManagedSseEnabled'.*got string/ } },
    { type: QUEUE, name: "key a number (wrong type)", props: { kmsMasterKeyId: 12 }, expect: { keyManager: "error", detail: /'kmsMasterKeyId'.*got number/ } },
  ];
  storeCases("sqs-queue", cases);

  it("is named and encrypted by default", () => {
    const s = storeOf(QUEUE, { name: "orders" });
    expect([s.physicalName, storeFacts(s.kind, s.variant).encryption.onByDefault]).toEqual(["orders", true]);
  });
});
