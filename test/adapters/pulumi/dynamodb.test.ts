import { describe, expect, it } from "vitest";
import { storeFacts } from "../../../src/models/store-kind-facts";
import { engineResource, UNKNOWN, urnOf } from "../../helpers/engine";
import { expectEncryption, KEY_ARN, KEY_URN, MARKER, stackOf, storeCases, storeOf, type StoreCase } from "./store-cases";

const TABLE = "aws:dynamodb/table:Table";
const REPLICA = "aws:dynamodb/tableReplica:TableReplica";
const NATIVE = "aws-native:dynamodb:Table";
const GLOBAL = "aws-native:dynamodb:GlobalTable";
const KEY2 = urnOf("aws:kms/key:Key", "cmk-us");

/** The TF (v6, v7) and aws-native table shapes. */
const SHAPES = [
  { type: TABLE, block: "serverSideEncryption", on: "enabled", key: "kmsKeyArn" },
  { type: NATIVE, block: "sseSpecification", on: "sseEnabled", key: "kmsMasterKeyId" },
] as const;

describe("DynamoDB adapters", () => {
  describe("table encryption (always encrypted)", () => {
    storeCases(
      "dynamodb-table",
      SHAPES.flatMap(({ type, block, on, key }): StoreCase[] => [
        { type, name: "CMK from a key resource (preview)", props: { [block]: { [on]: true, [key]: UNKNOWN } }, deps: { [block]: [KEY_URN] }, expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN } },
        { type, name: "CMK by ARN", props: { [block]: { [on]: true, [key]: KEY_ARN } }, expect: { enabled: true, keyManager: "customer-managed", keyId: KEY_ARN } },
        { type, name: "enabled without a key: AWS-managed aws/dynamodb", props: { [block]: { [on]: true } }, expect: { enabled: true, keyManager: "aws-managed", observed: /aws\/dynamodb/ } },
        { type, name: "AWS-managed alias", props: { [block]: { [on]: true, [key]: "alias/aws/dynamodb" } }, expect: { enabled: true, keyManager: "aws-managed" } },
        { type, name: "disabled: AWS-owned key", props: { [block]: { [on]: false } }, expect: { enabled: true, keyManager: "aws-owned" } },
        { type, name: "disabled with a key: the key is ignored", props: { [block]: { [on]: false, [key]: KEY_ARN } }, expect: { enabled: true, keyManager: "aws-owned" } },
        { type, name: "block absent: AWS-owned key", props: {}, expect: { enabled: true, keyManager: "aws-owned", observed: /not set/ } },
        { type, name: "block as a one-element list", props: { [block]: [{ [on]: true }] }, expect: { keyManager: "aws-managed" } },
        { type, name: "switch unknown: encrypted, key type unknown", props: { [block]: { [on]: UNKNOWN } }, expect: { enabled: true, keyManager: "preview" } },
        { type, name: "block unknown", props: { [block]: UNKNOWN }, expect: { unknown: "preview" } },
        { type, name: "block a string (wrong type)", props: { [block]: MARKER }, expect: { unknown: "error", detail: new RegExp(`'${block}'.*should be an object, got string`) } },
        { type, name: "switch a number (wrong type)", props: { [block]: { [on]: 1 } }, expect: { enabled: true, keyManager: "error", detail: new RegExp(`'${block}.${on}'.*should be true or false`) } },
      ]),
    );
  });

  it.each([
    [TABLE, "name"],
    [NATIVE, "tableName"],
    [GLOBAL, "tableName"],
  ])("%s names the store by %s", (type, property) => {
    expect(storeOf(type, { [property]: "orders" }).physicalName).toBe("orders");
  });

  describe("v6/v7 inline replicas are parts", () => {
    const parts = (props: Record<string, unknown>, deps: Record<string, string[]> = {}) => storeOf(TABLE, props, deps).parts;

    it("each replica with its own key from a key resource", () => {
      const ps = parts(
        { serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN }, replicas: [{ regionName: "us-east-1", kmsKeyArn: UNKNOWN }] },
        { serverSideEncryption: [KEY_URN], replicas: [KEY2] },
      );
      expect(ps.map((p) => p.name)).toEqual(["replicas[0]"]);
      expectEncryption(ps[0]!.encryption, { enabled: true, keyManager: "customer-managed", keyRef: KEY2 });
    });

    it("a replica without a key of a CMK table uses the AWS-managed key, even beside a keyed replica", () => {
      const ps = parts(
        { serverSideEncryption: { enabled: true, kmsKeyArn: KEY_ARN }, replicas: [{ regionName: "us-east-1" }, { regionName: "eu-central-1", kmsKeyArn: UNKNOWN }] },
        { replicas: [KEY2] },
      );
      expectEncryption(ps[0]!.encryption, { enabled: true, keyManager: "aws-managed", observed: /aws\/dynamodb/ });
      expectEncryption(ps[1]!.encryption, { keyManager: "customer-managed", keyRef: KEY2 });
    });

    it.each([
      ["AWS-owned", {}, "aws-owned"],
      ["AWS-managed", { serverSideEncryption: { enabled: true } }, "aws-managed"],
    ] as const)("a replica without a key of an %s table uses the same kind of key", (_, table, keyManager) => {
      expectEncryption(parts({ ...table, replicas: [{ regionName: "us-east-1" }] })[0]!.encryption, { enabled: true, keyManager });
    });

    it.each([
      ["computed replica list", { replicas: UNKNOWN }, { unknown: "preview", detail: /replicas/ }],
      ["replica list a string", { replicas: MARKER }, { unknown: "error", detail: /'replicas'.*should be a list or an object, got string/ }],
      ["replica a string", { replicas: [MARKER] }, { keyManager: "error", detail: /'replicas\.0'.*should be an object, got string/ }],
      ["replica key a number", { replicas: [{ kmsKeyArn: 5 }] }, { keyManager: "error", detail: /'replicas\.0\.kmsKeyArn'/ }],
    ] as const)("%s is an unknown part, never a crash", (_, props, expected) => {
      const ps = parts(props);
      expect(ps).toHaveLength(1);
      expectEncryption(ps[0]!.encryption, expected);
      expect(JSON.stringify(ps)).not.toContain(MARKER);
    });

    it("a replica of a table whose encryption is unknown is unknown", () => {
      expectEncryption(parts({ serverSideEncryption: UNKNOWN, replicas: [{ regionName: "us-east-1" }] })[0]!.encryption, { unknown: "preview" });
    });
  });

  describe("aws:dynamodb/tableReplica:TableReplica", () => {
    storeCases("dynamodb-table", [
      { type: REPLICA, name: "CMK from a key resource (preview)", props: { globalTableArn: UNKNOWN, kmsKeyArn: UNKNOWN }, deps: { kmsKeyArn: [KEY_URN] }, expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN } },
      { type: REPLICA, name: "no key: never customer-managed", props: { globalTableArn: "arn:aws:dynamodb:eu-west-1:111122223333:table/orders" }, expect: { enabled: true, keyManager: "aws-managed" } },
      { type: REPLICA, name: "AWS-managed alias", props: { kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:alias/aws/dynamodb" }, expect: { keyManager: "aws-managed" } },
      { type: REPLICA, name: "key of the wrong type", props: { kmsKeyArn: [MARKER] }, expect: { keyManager: "error", detail: /'kmsKeyArn'.*should be a string, got a list/ } },
    ]);

    it("is a replica of its table, joined through propertyDependencies", () => {
      const table = engineResource(TABLE, "orders", { serverSideEncryption: { enabled: true } });
      const replica = engineResource(REPLICA, "orders-us", { globalTableArn: UNKNOWN }, { globalTableArn: [table.urn] });
      const s = stackOf(table, replica).get("orders-us");
      expect(s?.copyOf).toMatchObject({ relation: "replica", sourceProperty: "globalTableArn", sourceRef: table.urn });
      expect(s && storeFacts(s.kind, s.variant).encryption.always).toBe(true);
    });
  });

  describe("aws-native:dynamodb:GlobalTable", () => {
    const replicas = (...keys: (string | undefined)[]) =>
      keys.map((k, i) => ({ region: `r${i}`, ...(k === undefined ? {} : { sseSpecification: { kmsMasterKeyId: k } }) }));

    storeCases("dynamodb-table", [
      { type: GLOBAL, name: "SSE off: AWS-owned key everywhere", props: { replicas: replicas(undefined, undefined) }, expect: { enabled: true, keyManager: "aws-owned" } },
      { type: GLOBAL, name: "SSE on, no replica keys: AWS-managed", props: { sseSpecification: { sseEnabled: true, sseType: "KMS" }, replicas: replicas(undefined) }, expect: { enabled: true, keyManager: "aws-managed" } },
      { type: GLOBAL, name: "SSE on, every replica with a CMK", props: { sseSpecification: { sseEnabled: true }, replicas: replicas(UNKNOWN, UNKNOWN) }, deps: { replicas: [KEY_URN] }, expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN } },
      { type: GLOBAL, name: "SSE on, one replica without a CMK: the weakest wins", props: { sseSpecification: { sseEnabled: true }, replicas: replicas(KEY_ARN, undefined) }, expect: { enabled: true, keyManager: "aws-managed" } },
      { type: GLOBAL, name: "SSE switch unknown", props: { sseSpecification: { sseEnabled: UNKNOWN }, replicas: replicas(undefined) }, expect: { enabled: true, keyManager: "preview" } },
      { type: GLOBAL, name: "replicas unknown", props: { sseSpecification: { sseEnabled: true }, replicas: UNKNOWN }, expect: { unknown: "preview" } },
      { type: GLOBAL, name: "SSE block a number", props: { sseSpecification: 1, replicas: replicas(undefined) }, expect: { unknown: "error", detail: /'sseSpecification'/ } },
    ]);

    it("every replica is a part", () => {
      const s = storeOf(GLOBAL, { sseSpecification: { sseEnabled: true }, replicas: replicas(KEY_ARN, undefined) });
      expect(s.parts.map((p) => p.name)).toEqual(["replicas[0]", "replicas[1]"]);
      expectEncryption(s.parts[0]!.encryption, { keyManager: "customer-managed", keyId: KEY_ARN });
      expectEncryption(s.parts[1]!.encryption, { keyManager: "aws-managed" });
    });
  });
});
