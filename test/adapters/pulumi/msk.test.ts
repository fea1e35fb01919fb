import { describe, expect, it } from "vitest";
import { storeFacts } from "../../../src/models/store-kind-facts";
import { UNKNOWN } from "../../helpers/engine";
import { KEY_ARN, KEY_URN, MARKER, storeCases, storeOf, type StoreCase } from "./store-cases";

const CLUSTER = "aws:msk/cluster:Cluster";
const SERVERLESS = "aws:msk/serverlessCluster:ServerlessCluster";

describe("MSK adapters (v6 and v7 share the shape)", () => {
  const shapes = [
    ["object", (v: unknown) => ({ encryptionInfo: v })],
    ["one-element list", (v: unknown) => ({ encryptionInfo: [v] })],
  ] as const;
  storeCases("msk-cluster", [
    ...shapes.flatMap(([shape, info]): StoreCase[] => [
      { type: CLUSTER, name: `${shape}: CMK from a key resource (preview)`, props: info({ encryptionAtRestKmsKeyArn: UNKNOWN }), deps: { encryptionInfo: [KEY_URN] }, expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN } },
      { type: CLUSTER, name: `${shape}: CMK by ARN`, props: info({ encryptionAtRestKmsKeyArn: KEY_ARN }), expect: { keyManager: "customer-managed", keyId: KEY_ARN } },
      { type: CLUSTER, name: `${shape}: only in-transit settings: AWS-managed`, props: info({ encryptionInTransit: { clientBroker: "TLS" } }), expect: { enabled: true, keyManager: "aws-managed" } },
      { type: CLUSTER, name: `${shape}: key computed without a key resource`, props: info({ encryptionAtRestKmsKeyArn: UNKNOWN }), expect: { enabled: true, keyManager: "preview" } },
      { type: CLUSTER, name: `${shape}: key a number (wrong type)`, props: info({ encryptionAtRestKmsKeyArn: 3 }), expect: { keyManager: "error", detail: /encryptionAtRestKmsKeyArn'.*got number/ } },
    ]),
    { type: CLUSTER, name: "AWS-managed alias", props: { encryptionInfo: { encryptionAtRestKmsKeyArn: "alias/aws/kafka" } }, expect: { keyManager: "aws-managed" } },
    { type: CLUSTER, name: "no encryptionInfo: AWS-managed aws/kafka", props: {}, expect: { enabled: true, keyManager: "aws-managed", observed: /aws\/kafka/ } },
    { type: CLUSTER, name: "encryptionInfo computed", props: { encryptionInfo: UNKNOWN }, expect: { unknown: "preview" } },
    { type: CLUSTER, name: "encryptionInfo a string (wrong type)", props: { encryptionInfo: MARKER }, expect: { unknown: "error", detail: /'encryptionInfo'.*should be an object/ } },
    { type: SERVERLESS, name: "always a service-owned key", props: { clusterName: "events" }, expect: { enabled: true, keyManager: "aws-owned" } },
  ]);

  it.each([CLUSTER, SERVERLESS])("%s is named by clusterName and always encrypted", (type) => {
    const s = storeOf(type, { clusterName: "events" });
    expect([s.physicalName, storeFacts(s.kind, s.variant).encryption.always]).toEqual(["events", true]);
  });
});
