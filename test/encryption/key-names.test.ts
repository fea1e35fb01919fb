import { describe, expect, it } from "vitest";
import { managerOfNamedKey, printableKey } from "../../src/encryption/key-names";

describe("printableKey", () => {
  it.each([
    "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/app/orders",
    "alias/aws/s3",
    "1234abcd-12ab-34cd-56ef-1234567890ab",
    "mrk-1234abcd12ab34cd56ef1234567890ab",
  ])("prints the key identifier %s", (key) => {
    expect(printableKey(key)).toBe(key);
  });

  it.each(["hunter2", "alias/app key", "arn:aws:kms:eu-west-1:111122223333:key/abc\nsecret", "", "arn:aws:s3:::orders"])(
    "prints nothing for %j, which may be a misplaced secret",
    (value) => {
      expect(printableKey(value)).toBeUndefined();
    },
  );
});

describe("managerOfNamedKey", () => {
  it.each([
    ["alias/aws/rds", "aws-managed"],
    ["arn:aws:kms:eu-west-1:111122223333:alias/aws/ebs", "aws-managed"],
    ["alias/app/orders", "customer-managed"],
    ["arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "customer-managed"],
    ["alias/awsome", "customer-managed"],
    ["aws/kinesis", "customer-managed"],
  ])("%s is %s", (key, manager) => {
    expect(managerOfNamedKey(key)).toBe(manager);
  });
});
