import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../helpers/engine";
import { KEY_ARN, KEY_URN, MARKER, storeCases, storeOf, type StoreCase } from "./store-cases";

const TYPES = ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"];

describe("OpenSearch and Elasticsearch domain adapters (v6 and v7 share the shape)", () => {
  storeCases(
    "opensearch-domain",
    TYPES.flatMap((type): StoreCase[] => [
      { type, name: "CMK from a key resource (preview)", props: { encryptAtRest: { enabled: true, kmsKeyId: UNKNOWN } }, deps: { encryptAtRest: [KEY_URN] }, expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN } },
      { type, name: "CMK by ARN", props: { encryptAtRest: { enabled: true, kmsKeyId: KEY_ARN } }, expect: { keyManager: "customer-managed", keyId: KEY_ARN } },
      { type, name: "AWS-managed alias", props: { encryptAtRest: { enabled: true, kmsKeyId: "alias/aws/es" } }, expect: { keyManager: "aws-managed" } },
      { type, name: "enabled without a key", props: { encryptAtRest: { enabled: true } }, expect: { enabled: true, keyManager: "aws-managed" } },
      { type, name: "disabled", props: { encryptAtRest: { enabled: false } }, expect: { enabled: false } },
      { type, name: "block absent", props: {}, expect: { enabled: false, observed: /encryptAtRest not set/ } },
      { type, name: "block as a one-element list", props: { encryptAtRest: [{ enabled: true }] }, expect: { enabled: true } },
      { type, name: "block computed", props: { encryptAtRest: UNKNOWN }, expect: { unknown: "preview" } },
      { type, name: "switch computed", props: { encryptAtRest: { enabled: UNKNOWN } }, expect: { enabled: "preview" } },
      { type, name: "block a string (wrong type)", props: { encryptAtRest: MARKER }, expect: { unknown: "error", detail: /'encryptAtRest'.*should be an object/ } },
      { type, name: "switch a string (wrong type)", props: { encryptAtRest: { enabled: MARKER } }, expect: { enabled: "error", detail: /'encryptAtRest\.enabled'/ } },
    ]),
  );

  it.each(TYPES)("%s is named by domainName", (type) => {
    expect(storeOf(type, { domainName: "search" }).physicalName).toBe("search");
  });
});
