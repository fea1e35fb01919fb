import { describe, expect, it } from "vitest";
import { resourceMatcher } from "../../src/core/waiver-glob";

const BUCKET = "arn:aws:s3:::legacy-import";
const DB = "arn:aws:rds:eu-west-1:111122223333:db:legacy-reporting";
const ROLE = "arn:aws:iam::111122223333:role/break-glass/ops/admin";
const LOG_GROUP = "arn:aws:logs:eu-west-1:111122223333:log-group:/app/legacy";
const URN = "urn:pulumi:dev::shop::aws:s3/bucket:Bucket::legacy-import";
const CHILD_URN = "urn:pulumi:dev::shop::acme:data:Store$aws:s3/bucket:Bucket::legacy-import";

const matches = (pattern: string, id: string): boolean => resourceMatcher(pattern)(id);

describe("resource patterns", () => {
  it.each([
    // An exact id matches itself only.
    [BUCKET, BUCKET, true],
    [BUCKET, "arn:aws:s3:::legacy-import-2", false],
    // `*` stays within a segment: a bucket name, a region, an account...
    ["arn:aws:s3:::legacy-*", BUCKET, true],
    ["arn:aws:s3:::*", BUCKET, true],
    ["arn:aws:rds:*:111122223333:db:*", DB, true],
    ["arn:aws:rds:*:*:db:legacy-*", DB, true],
    // ...and the empty run: S3 ARNs have no region or account.
    ["arn:aws:s3:*:*:legacy-import", BUCKET, true],
    // `*` never crosses `:` or `/`.
    ["arn:aws:*:db:legacy-reporting", DB, false],
    ["arn:aws:iam::111122223333:role/*", ROLE, false],
    ["arn:aws:iam::111122223333:role/break-glass/*/admin", ROLE, true],
    ["arn:aws:logs:*:*:log-group:*", LOG_GROUP, false],
    // `**` as a whole segment crosses any number of them.
    ["arn:aws:iam::111122223333:role/break-glass/**", ROLE, true],
    ["arn:aws:iam::111122223333:**", ROLE, true],
    ["arn:aws:logs:*:*:log-group:/app/**", LOG_GROUP, true],
    ["arn:aws:**:legacy-reporting", DB, true],
    ["**", DB, true],
    // `?`, classes and alternatives.
    ["arn:aws:rds:eu-west-?:111122223333:db:legacy-reporting", DB, true],
    ["arn:aws:rds:{us-east-1,eu-west-1}:111122223333:db:legacy-reporting", DB, true],
    ["arn:aws:rds:{us-east-1,us-west-2}:111122223333:db:legacy-reporting", DB, false],
    ["arn:aws:rds:eu-west-[12]:111122223333:db:legacy-reporting", DB, true],
    // Case-sensitive, and anchored at both ends.
    ["arn:aws:s3:::Legacy-import", BUCKET, false],
    ["arn:aws:s3:::legacy", BUCKET, false],
    ["s3:::legacy-import", BUCKET, false],
    // No negation: `!` is a character like any other.
    ["!arn:aws:s3:::other", BUCKET, false],
  ])("ARN: %s on %s is %s", (pattern, id, expected) => {
    expect(matches(pattern, id)).toBe(expected);
  });

  it.each([
    [URN, URN, true],
    ["urn:pulumi:*::shop::aws:s3/bucket:Bucket::legacy-*", URN, true],
    ["urn:pulumi:prod::shop::aws:s3/bucket:Bucket::legacy-import", URN, false],
    // A child of a component has its parent's type in its own, joined by `$`.
    ["urn:pulumi:*::shop::aws:s3/bucket:Bucket::legacy-import", CHILD_URN, false],
    ["urn:pulumi:*::shop::**::legacy-import", CHILD_URN, true],
    ["urn:pulumi:*::shop::**::legacy-import", URN, true],
    ["urn:pulumi:*::shop::acme:data:Store$aws:s3/bucket:Bucket::*", CHILD_URN, true],
    // Every resource of one type, in every stack and project.
    ["urn:pulumi:*::*::aws:s3/bucket:Bucket::*", URN, true],
  ])("URN: %s on %s is %s", (pattern, id, expected) => {
    expect(matches(pattern, id)).toBe(expected);
  });

  it("matches names holding the characters IAM and S3 allow", () => {
    const role = "arn:aws:iam::111122223333:role/svc+deploy@ci=main,eu.west_1";
    expect(matches(role, role)).toBe(true);
    expect(matches("arn:aws:iam::111122223333:role/svc+*", role)).toBe(true);
    expect(matches("arn:aws:s3:::.dotted*", "arn:aws:s3:::.dotted.bucket")).toBe(true);
  });

  it("treats `:` and `/` alike as separators", () => {
    expect(matches("arn:aws:iam::111122223333:role:break-glass:ops:admin", ROLE)).toBe(true);
  });
});
