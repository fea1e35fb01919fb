import type { AliasListEntry, KeyMetadata } from "@aws-sdk/client-kms";
import { describe, expect, it } from "vitest";
import { adaptKms } from "../../../src/adapters/aws/kms";
import { keyDirectory, keyDirectoryOfRaw } from "../../../src/adapters/aws/kms-directory";
import type { KmsAnswers, KmsKeyAnswers } from "../../../src/fetchers/aws/kms";
import { everyKeyCustomerManaged, failed } from "./fixtures";

const ACCOUNT = "111122223333";
const OTHER = "999988887777";
const EU = "eu-west-1";
const US = "us-east-1";
const AP = "ap-southeast-2";

const ORDERS = "1234abcd-12ab-34cd-56ef-1234567890ab";
const S3_MANAGED = "0b1c2d3e-aaaa-bbbb-cccc-1234567890ab";
const UNDESCRIBED = "5555aaaa-12ab-34cd-56ef-1234567890ab";
const MRK = "mrk-1234abcd12ab34cd56ef1234567890ab";
const keyArn = (region: string, id: string, account = ACCOUNT): string => `arn:aws:kms:${region}:${account}:key/${id}`;
const aliasArn = (region: string, name: string, account = ACCOUNT): string => `arn:aws:kms:${region}:${account}:${name}`;

const described = (region: string, id: string, manager: KeyMetadata["KeyManager"]): KmsKeyAnswers => ({
  listed: { KeyId: id, KeyArn: keyArn(region, id) },
  metadata: { ok: true, value: { KeyId: id, Arn: keyArn(region, id), KeyManager: manager } },
});
const alias = (region: string, name: string, target?: string): AliasListEntry => ({
  AliasName: name,
  AliasArn: aliasArn(region, name),
  ...(target === undefined ? {} : { TargetKeyId: target }),
});

const eu: KmsAnswers = {
  region: EU,
  keys: {
    ok: true,
    value: [
      described(EU, ORDERS, "CUSTOMER"),
      described(EU, S3_MANAGED, "AWS"),
      described(EU, MRK, "CUSTOMER"),
      { listed: { KeyId: UNDESCRIBED, KeyArn: keyArn(EU, UNDESCRIBED) }, metadata: failed("kms", "kms:DescribeKey", "timeout", EU) },
    ],
  },
  aliases: {
    ok: true,
    value: [
      alias(EU, "alias/orders", ORDERS),
      alias(EU, "alias/aws/s3", S3_MANAGED),
      // Predefined, its key not created yet: no TargetKeyId.
      alias(EU, "alias/aws/dynamodb"),
    ],
  },
};
const us: KmsAnswers = { region: US, keys: failed("kms", "kms:ListKeys", "access-denied", US), aliases: failed("kms", "kms:ListAliases", "access-denied", US) };
const ap: KmsAnswers = { region: AP, keys: { ok: true, value: [described(AP, ORDERS, "CUSTOMER")] }, aliases: failed("kms", "kms:ListAliases", "throttled", AP) };

const directory = keyDirectory(ACCOUNT, "aws", [eu, us, ap]);

describe("KMS key directory", () => {
  it.each([
    ["key ARN", keyArn(EU, ORDERS)],
    ["key id", ORDERS],
    ["alias name", "alias/orders"],
    ["alias ARN", aliasArn(EU, "alias/orders")],
  ])("a customer key named by %s: customer-managed, joined to its model", (_how, key) => {
    expect(directory.keyManager(key, EU)).toBe("customer-managed");
    expect(directory.keyRef(key, EU)).toBe(keyArn(EU, ORDERS));
  });

  it("the keyRef is the id the KMS adapter gives the key model", () => {
    const ids = adaptKms(eu, everyKeyCustomerManaged(ACCOUNT)).keys?.map((k) => k.ref.id);
    expect(ids).toContain(directory.keyRef("alias/orders", EU));
    expect(ids).toContain(directory.keyRef(MRK, EU));
  });

  it.each([
    ["key ARN", keyArn(EU, S3_MANAGED)],
    ["key id", S3_MANAGED],
    ["alias name", "alias/aws/s3"],
    ["alias ARN", aliasArn(EU, "alias/aws/s3")],
  ])("an AWS-managed key named by %s: aws-managed, no model", (_how, key) => {
    expect(directory.keyManager(key, EU)).toBe("aws-managed");
    expect(directory.keyRef(key, EU)).toBeUndefined();
  });

  it("alias/aws/... is AWS-managed even unseen, in a region whose KMS did not answer or was not scanned", () => {
    expect(directory.keyManager("alias/aws/dynamodb", EU)).toBe("aws-managed");
    expect(directory.keyManager("alias/aws/rds", US)).toBe("aws-managed");
    expect(directory.keyManager(aliasArn("sa-east-1", "alias/aws/ebs"), "sa-east-1")).toBe("aws-managed");
  });

  it("a key of another account is customer-managed (AWS-managed keys serve their own account only), with no model", () => {
    expect(directory.keyManager(keyArn(EU, ORDERS, OTHER), EU)).toBe("customer-managed");
    expect(directory.resolve(aliasArn(US, "alias/shared", OTHER), US)).toEqual({ manager: "customer-managed", note: `a key of account ${OTHER}` });
  });

  it("a key or alias KMS does not list (while it answered) is customer-managed, noted as possibly deleted", () => {
    const gone = "9999eeee-12ab-34cd-56ef-1234567890ab";
    expect(directory.resolve(keyArn(EU, gone), EU)).toEqual({ manager: "customer-managed", note: `key ${gone} is not among the KMS keys of ${EU} (deleted?)` });
    expect(directory.resolve("alias/removed", EU)).toEqual({ manager: "customer-managed", note: `alias/removed is not an alias in ${EU} (deleted?)` });
  });

  it("a key ARN names its own region, whatever region the resource is in", () => {
    expect(directory.keyRef(keyArn(AP, ORDERS), EU)).toBe(keyArn(AP, ORDERS));
    expect(directory.keyRef(ORDERS, AP)).toBe(keyArn(AP, ORDERS));
  });

  it("KMS did not answer for the region: Unknown with the failure's reason", () => {
    expect(directory.keyManager(keyArn(US, ORDERS), US)).toMatchObject({ reason: "access-denied", detail: expect.stringContaining("kms:ListKeys (us-east-1)") });
    expect(directory.keyRef(ORDERS, US)).toBeUndefined();
    expect(directory.keyManager("alias/orders", AP)).toMatchObject({ reason: "throttled", detail: expect.stringContaining("kms:ListAliases") });
    // Named by id, the key is still found though the aliases are not known.
    expect(directory.keyManager(ORDERS, AP)).toBe("customer-managed");
  });

  it("a region that was not scanned: Unknown('not-fetched')", () => {
    expect(directory.keyManager(keyArn("sa-east-1", ORDERS), EU)).toMatchObject({ reason: "not-fetched", detail: "the KMS keys of sa-east-1 were not read" });
  });

  it("a listed key DescribeKey did not answer for: Unknown manager, but joined to its model", () => {
    expect(directory.keyManager(UNDESCRIBED, EU)).toMatchObject({ reason: "timeout" });
    expect(directory.keyRef(UNDESCRIBED, EU)).toBe(keyArn(EU, UNDESCRIBED));
  });

  it("from the scanner's raw answers by region: a region whose fetch threw (undefined) reads as not scanned", () => {
    const fromRaw = keyDirectoryOfRaw(new Map<string, unknown>([[EU, eu], [US, undefined]]), ACCOUNT);
    expect(fromRaw.keyRef("alias/orders", EU)).toBe(keyArn(EU, ORDERS));
    expect(fromRaw.keyManager(ORDERS, US)).toMatchObject({ reason: "not-fetched" });
  });
});
