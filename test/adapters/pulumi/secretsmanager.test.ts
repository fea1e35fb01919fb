import { describe, expect, it } from "vitest";
import { engineResource, UNKNOWN, urnOf } from "../../helpers/engine";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { alwaysEncryptedCases, expectEncryption, KEY_ARN, MARKER, storeCases, storeOf } from "./store-cases";

const SECRET = "aws:secretsmanager/secret:Secret";
const KEY2 = urnOf("aws:kms/key:Key", "cmk-replica");

describe("Secrets Manager secret adapter (v6 and v7 share the shape)", () => {
  storeCases("secret", [
    ...alwaysEncryptedCases(SECRET, "kmsKeyId", "aws-managed"),
    { type: SECRET, name: "AWS-managed alias", props: { kmsKeyId: "alias/aws/secretsmanager" }, expect: { keyManager: "aws-managed" } },
  ]);

  it("each replica is a part with its own key, else the AWS-managed key", () => {
    const s = storeOf(SECRET, { name: "db-creds", kmsKeyId: KEY_ARN, replicas: [{ region: "us-east-1" }, { region: "eu-central-1", kmsKeyId: UNKNOWN }] }, { replicas: [KEY2] });
    expect(s.physicalName).toBe("db-creds");
    expect(s.parts.map((p) => p.name)).toEqual(["replicas[0]", "replicas[1]"]);
    expectEncryption(s.parts[0]!.encryption, { enabled: true, keyManager: "aws-managed" });
    expectEncryption(s.parts[1]!.encryption, { enabled: true, keyManager: "customer-managed", keyRef: KEY2 });
  });

  it.each([
    ["computed replicas", UNKNOWN, { unknown: "preview" }],
    ["replicas a string", MARKER, { unknown: "error" }],
    ["replica key a number", [{ region: "us-east-1", kmsKeyId: 1 }], { keyManager: "error" }],
  ] as const)("%s: an unknown part", (_, replicas, expected) => {
    const s = storeOf(SECRET, { replicas });
    expectEncryption(s.parts[0]!.encryption, expected);
    expect(JSON.stringify(s)).not.toContain(MARKER);
  });

  it("secret versions are not adapted (their values are never read)", () => {
    const inv = buildInventory([engineResource("aws:secretsmanager/secretVersion:SecretVersion", "v", { secretString: MARKER })]);
    expect(inv.stores).toHaveLength(0);
  });
});
