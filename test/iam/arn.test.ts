import { describe, expect, it } from "vitest";
import { unknown } from "../../src/core/value";
import { isUnscopedFor, lookupAction, mayMatchServiceArn, resourceCovers, resourceMatches } from "../../src/iam";

const matches: readonly [string, string, boolean][] = [
  ["*", "arn:aws:s3:::bucket/key", true],
  ["arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b.txt", true],
  ["arn:aws:s3:::bucket/*", "arn:aws:s3:::other/a", false],
  ["arn:aws:s3:::bucket/*", "arn:aws:s3:::Bucket/a", false],
  ["arn:aws:s3:::bucket/?.txt", "arn:aws:s3:::bucket/a.txt", true],
  ["arn:aws:s3:::bucket/?.txt", "arn:aws:s3:::bucket/ab.txt", false],
  ["arn:aws:dynamodb:*:111122223333:table/orders", "arn:aws:dynamodb:eu-west-1:111122223333:table/orders", true],
  ["arn:aws:dynamodb:*:111122223333:table/orders", "arn:aws:dynamodb:eu-west-1:444455556666:table/orders", false],
  ["ARN:AWS:DynamoDB:*:*:table/orders", "arn:aws:dynamodb:eu-west-1:1:table/orders", false],
  ["arn:aws:DynamoDB:*:*:table/orders", "arn:aws:dynamodb:eu-west-1:1:table/orders", true],
  ["arn:aws:logs:*:*:log-group:/aws/lambda/*", "arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/f:log-stream:x", true],
  ["arn:aws:s3:*", "arn:aws:s3:::bucket", true],
];

describe("resourceMatches", () => {
  it.each(matches)("%s vs %s -> %s", (pattern, arn, expected) => {
    expect(resourceMatches(pattern, arn)).toBe(expected);
  });

  it("passes Unknown through", () => {
    const u = unknown("preview", "arn");
    expect(resourceMatches(u, "arn:aws:s3:::b")).toBe(u);
    expect(resourceMatches("*", u)).toBe(u);
  });

  it("does not backtrack exponentially on hostile patterns", () => {
    const start = performance.now();
    expect(resourceMatches(`arn:aws:s3:::${"*a".repeat(40)}b`, `arn:aws:s3:::${"a".repeat(5000)}`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe("resourceCovers", () => {
  it.each([
    ["*", "arn:aws:s3:::b/*", true],
    ["arn:aws:s3:::*", "arn:aws:s3:::b/*", true],
    ["arn:aws:s3:::b/*", "arn:aws:s3:::b/x/*", true],
    ["arn:aws:s3:::b/x/*", "arn:aws:s3:::b/*", false],
    ["arn:aws:s3:::b/?", "arn:aws:s3:::b/*", false],
    ["arn:aws:s3:::b/x", "*", false],
  ] as const)("%s covers %s -> %s", (outer, inner, expected) => {
    expect(resourceCovers(outer, inner)).toBe(expected);
  });
});

describe("isUnscopedFor", () => {
  const terminate = lookupAction("ec2:TerminateInstances");
  const putLogs = lookupAction("logs:PutLogEvents");
  it.each([
    ["*", true],
    ["arn:aws:ec2:*:*:instance/*", true],
    ["arn:aws:ec2:eu-west-1:111122223333:instance/*", true],
    ["arn:aws:ec2:*:*:instance/i-0abc", false],
    ["arn:aws:ec2:*:*:volume/*", false],
    ["arn:aws:s3:::*", false],
  ] as const)("ec2:TerminateInstances on %s -> %s", (pattern, expected) => {
    expect(terminate && isUnscopedFor(pattern, terminate)).toBe(expected);
  });

  it("treats log-group:* as every log stream and a path prefix as scoped", () => {
    expect(putLogs && isUnscopedFor("arn:aws:logs:*:*:log-group:*", putLogs)).toBe(true);
    expect(putLogs && isUnscopedFor("arn:aws:logs:*:*:log-group:/aws/lambda/my-fn:*", putLogs)).toBe(false);
  });
});

describe("mayMatchServiceArn (an ARN of the service, its other parts not known)", () => {
  it.each([
    ["*", "dynamodb", true],
    ["arn:*", "dynamodb", true],
    ["arn:aws:dynamodb:us-east-1:111122223333:table/orders", "dynamodb", true],
    ["arn:aws:DynamoDB:*:*:table/*", "dynamodb", true],
    ["arn:aws:dynamo*:*:*:*", "dynamodb", true],
    ["arn:aws:s3:::orders/*", "dynamodb", false],
    ["arn:aws:logs:*:*:*", "rds", false],
    ["orders", "s3", false],
    ["nota:aws:s3:::orders", "s3", false],
  ] as const)("%s, %s -> %s", (pattern, service, expected) => {
    expect(mayMatchServiceArn(pattern, service)).toBe(expected);
  });
});
