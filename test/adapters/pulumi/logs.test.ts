import { describe, expect, it } from "vitest";
import { storeFacts } from "../../../src/models/store-kind-facts";
import { alwaysEncryptedCases, storeCases, storeOf } from "./store-cases";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

describe("CloudWatch log group adapter (v6 and v7 share the shape)", () => {
  storeCases("log-group", alwaysEncryptedCases(LOG_GROUP, "kmsKeyId", "aws-owned"));

  it("is named and always encrypted", () => {
    const s = storeOf(LOG_GROUP, { name: "/app/orders" });
    expect([s.physicalName, storeFacts(s.kind, s.variant).encryption.always]).toEqual(["/app/orders", true]);
  });
});
