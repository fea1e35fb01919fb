import { describe, expect, it } from "vitest";
import { formatLocation, isPrefix, parseLocation, StorageError } from "../../src/storage/report-store";

describe("parseLocation", () => {
  it.each([
    ["report.json", { kind: "local", path: "report.json" }],
    ["/tmp/runs/x/", { kind: "local", path: "/tmp/runs/x/" }],
    ["C:\\reports\\scan.json", { kind: "local", path: "C:\\reports\\scan.json" }],
    ["s3://my-bucket/runs/x/shard-3.jsonl", { kind: "s3", bucket: "my-bucket", key: "runs/x/shard-3.jsonl" }],
    ["s3://my-bucket/runs/x/", { kind: "s3", bucket: "my-bucket", key: "runs/x/" }],
    ["s3://my-bucket", { kind: "s3", bucket: "my-bucket", key: "" }],
    ["s3://my-bucket/", { kind: "s3", bucket: "my-bucket", key: "" }],
    ["s3://a.b-c.123/k", { kind: "s3", bucket: "a.b-c.123", key: "k" }],
    ["s3://my-ap-abc123-s3alias/k", { kind: "s3", bucket: "my-ap-abc123-s3alias", key: "k" }],
    ["s3://bkt/dir//odd key?#.json", { kind: "s3", bucket: "bkt", key: "dir//odd key?#.json" }],
  ])("%s is %j", (input, expected) => {
    expect(parseLocation(input)).toEqual(expected);
  });

  it.each([
    ["", "must be a local path or s3://bucket/key"],
    ["   ", "must be a local path or s3://bucket/key"],
    ["s3://", "no bucket name after s3://"],
    ["s3:///key.json", "no bucket name after s3://"],
    ["s3://ab/k", "bucket name 'ab' must be 3 to 63 characters long"],
    [`s3://${"a".repeat(64)}/k`, "must be 3 to 63 characters long"],
    ["s3://My_Bucket/k", "bucket name 'My_Bucket' may contain only lowercase letters, digits, dots and hyphens"],
    ["s3://-bucket/k", "must begin and end with a lowercase letter or a digit"],
    ["s3://bucket./k", "must begin and end with a lowercase letter or a digit"],
    ["s3://my..bucket/k", "must not contain two adjacent dots"],
    ["s3://192.168.5.4/k", "must not be formatted as an IP address"],
    ["s3://xn--bucket/k", "must not begin with 'xn--'"],
    ["s3://sthree-bucket/k", "must not begin with 'sthree-'"],
    [`s3://bkt/${"k".repeat(1025)}`, "longer than 1024 bytes"],
    ["https://bucket.s3.amazonaws.com/k", "'https://' locations are not supported"],
    ["gs://bucket/k", "'gs://' locations are not supported"],
    ["file:///tmp/report.json", "'file://' locations are not supported"],
    ["s3:bucket/key", "an S3 location is written s3://bucket/key"],
    ["s3:/bucket/key", "an S3 location is written s3://bucket/key"],
  ])("rejects %j: %s", (input, detail) => {
    let caught: unknown;
    try {
      parseLocation(input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(StorageError);
    const error = caught as StorageError;
    expect(error.code).toBe("invalid-location");
    expect(error.message.startsWith(`'${input}': `)).toBe(true);
    expect(error.message).toContain(detail);
  });
});

describe("isPrefix and formatLocation", () => {
  it.each([
    ["s3://bkt", true, "s3://bkt/"],
    ["s3://bkt/runs/", true, "s3://bkt/runs/"],
    ["s3://bkt/runs/a.jsonl", false, "s3://bkt/runs/a.jsonl"],
    ["out/", true, "out/"],
    ["out/report.json", false, "out/report.json"],
  ])("%s: prefix %s, written %s", (input, prefix, written) => {
    const at = parseLocation(input);
    expect(isPrefix(at)).toBe(prefix);
    expect(formatLocation(at)).toBe(written);
  });
});
