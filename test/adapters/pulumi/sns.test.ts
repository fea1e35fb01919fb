import { describe, expect, it } from "vitest";
import { storeFacts } from "../../../src/models/store-kind-facts";
import { UNKNOWN } from "../../helpers/engine";
import { KEY_ARN, KEY_URN, storeCases, storeOf } from "./store-cases";

const TOPIC = "aws:sns/topic:Topic";

describe("SNS topic adapter (v6 and v7 share the shape)", () => {
  storeCases("sns-topic", [
    { type: TOPIC, name: "CMK from a key resource (preview)", props: { kmsMasterKeyId: UNKNOWN }, deps: { kmsMasterKeyId: [KEY_URN] }, expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN } },
    { type: TOPIC, name: "CMK by ARN", props: { kmsMasterKeyId: KEY_ARN }, expect: { keyManager: "customer-managed", keyId: KEY_ARN } },
    { type: TOPIC, name: "AWS-managed alias/aws/sns", props: { kmsMasterKeyId: "alias/aws/sns" }, expect: { enabled: true, keyManager: "aws-managed" } },
    { type: TOPIC, name: "no key: not encrypted", props: {}, expect: { enabled: false, keyManager: null, observed: /kmsMasterKeyId not set/ } },
    { type: TOPIC, name: "empty key: not encrypted", props: { kmsMasterKeyId: "" }, expect: { enabled: false } },
    { type: TOPIC, name: "key computed without a key resource", props: { kmsMasterKeyId: UNKNOWN }, expect: { enabled: true, keyManager: "preview" } },
    { type: TOPIC, name: "key a boolean (wrong type)", props: { kmsMasterKeyId: true }, expect: { keyManager: "error", detail: /'kmsMasterKeyId'.*got boolean/ } },
  ]);

  it("is named by name and not encrypted by default", () => {
    const s = storeOf(TOPIC, { name: "events" });
    expect([s.physicalName, storeFacts(s.kind, s.variant).encryption.onByDefault ?? false]).toEqual(["events", false]);
  });
});
