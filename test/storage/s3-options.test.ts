import { describe, expect, it } from "vitest";
import { checkedEndpoint } from "../../src/storage/s3-client";
import { s3Failure, type S3Call } from "../../src/storage/s3-failure";
import { contentTypeOf } from "../../src/storage/s3-store";
import { readText, StorageError, writeText } from "../../src/storage/report-store";

describe("endpointUrl", () => {
  it.each(["https://s3.eu-west-1.amazonaws.com", "https://minio.internal:9000", "http://127.0.0.1:4566", "http://127.8.9.10", "http://localhost:5000", "http://[::1]:4566"])(
    "accepts %s",
    (url) => {
      expect(checkedEndpoint(url, "s3://bkt/k")).toBe(url);
    },
  );

  it.each([
    ["http://10.0.0.5:4566", "endpointUrl 'http://10.0.0.5:4566' must use https; plain http is allowed only on a loopback address"],
    ["http://s3.example.com", "endpointUrl 'http://s3.example.com' must use https"],
    ["http://127.0.0.1.nip.io", "must use https"],
    ["ftp://127.0.0.1", "endpointUrl 'ftp://127.0.0.1' must be an http or https URL"],
    ["not a url", "endpointUrl is not a URL"],
    ["https://AKIAEXAMPLE:s3cr3t@s3.example.com", "endpointUrl 'https://s3.example.com' must not contain user credentials"],
  ])("rejects %s", (url, detail) => {
    let caught: unknown;
    try {
      checkedEndpoint(url, "s3://bkt/k");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(StorageError);
    expect((caught as StorageError).code).toBe("invalid-options");
    expect((caught as StorageError).message.startsWith("s3://bkt/k: endpointUrl ")).toBe(true);
    expect((caught as StorageError).message).toContain(detail);
    expect((caught as StorageError).message).not.toContain("s3cr3t");
  });

  it("is checked before anything is sent", async () => {
    const e = await readText("s3://bkt/k.json", { region: "us-east-1", endpointUrl: "http://203.0.113.9" }).catch((x: unknown) => x);
    expect((e as StorageError).code).toBe("invalid-options");
  });

  it("refuses objects given as prefixes and an empty KMS key id, before sending", async () => {
    const prefix = await readText("s3://bkt/runs/", { region: "us-east-1" }).catch((x: unknown) => x);
    expect((prefix as StorageError).message).toBe("s3://bkt/runs/: names a prefix (no object key, or a key ending with '/'), not an object");
    const kms = await writeText("s3://bkt/r.json", "{}", { region: "us-east-1", sseKmsKeyId: " " }).catch((x: unknown) => x);
    expect((kms as StorageError).message).toBe("s3://bkt/r.json: sseKmsKeyId is empty");
  });
});

describe("contentTypeOf", () => {
  it.each([
    ["runs/x/shard-3.jsonl", "application/x-ndjson"],
    ["report.json", "application/json"],
    ["report.ocsf.json", "application/json"],
    ["report.sarif", "application/sarif+json"],
    ["report.HTML", "text/html; charset=utf-8"],
    ["report.md", "text/markdown; charset=utf-8"],
    ["report.csv", "text/csv; charset=utf-8"],
    ["junit.xml", "application/xml"],
    ["diff.txt", "text/plain; charset=utf-8"],
    ["no-extension", "text/plain; charset=utf-8"],
  ])("%s is %s", (key, type) => {
    expect(contentTypeOf(key)).toBe(type);
  });
});

describe("s3Failure", () => {
  const read: S3Call = { action: "s3:GetObject", operation: "GetObject", location: "s3://bkt/k.json", bucket: "bkt" };
  const write: S3Call = { action: "s3:PutObject", operation: "PutObject", location: "s3://bkt/k.json", bucket: "bkt" };
  const aws = (name: string, message = "", status?: number) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

  it.each([
    [aws("NoSuchKey", "The specified key does not exist.", 404), read, "not-found", "s3://bkt/k.json: no such object"],
    [aws("NotFound", "", 404), read, "not-found", "s3://bkt/k.json: no such object"],
    [aws("NoSuchBucket", "The specified bucket does not exist", 404), read, "no-bucket", "s3://bkt/k.json: no such bucket 'bkt'"],
    [aws("AccessDenied", "Access Denied", 403), read, "access-denied", "s3://bkt/k.json: access denied (s3:GetObject); an object encrypted with a KMS key also needs kms:Decrypt, and without s3:ListBucket a missing object reads as denied too"],
    [aws("AccessDenied", "Access Denied", 403), write, "access-denied", "s3://bkt/k.json: access denied (s3:PutObject); a bucket or key encrypting with KMS also needs kms:GenerateDataKey"],
    [
      aws("AccessDenied", "User: arn:aws:sts::111122223333:assumed-role/cdguard/x is not authorized to perform: kms:GenerateDataKey on resource: arn:aws:kms:us-east-1:111122223333:key/abc", 403),
      write,
      "access-denied",
      "s3://bkt/k.json: access denied (kms:GenerateDataKey)",
    ],
    [aws("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403), read, "credentials", "s3://bkt/k.json: AWS rejected the credentials (InvalidAccessKeyId)"],
    [aws("ExpiredToken", "The provided token has expired.", 400), read, "credentials", "s3://bkt/k.json: AWS rejected the credentials (ExpiredToken)"],
    [aws("CredentialsProviderError", "Could not load credentials from any providers"), read, "credentials", "s3://bkt/k.json: no AWS credentials could be loaded"],
    [aws("KMS.DisabledException", "key disabled", 400), write, "failed", "s3://bkt/k.json: PutObject failed: the KMS key could not be used (KMS.DisabledException)"],
    [Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }), read, "unavailable", "s3://bkt/k.json: could not reach S3 (ECONNREFUSED)"],
    [aws("TimeoutError", "socket hang up"), read, "unavailable", "s3://bkt/k.json: could not reach S3 (TimeoutError)"],
    [new Error("Region is missing"), read, "invalid-options", "s3://bkt/k.json: no AWS region is configured (give a region)"],
    [
      aws("SlowDown", "Please reduce your request rate. Credential=AKIAIOSFODNN7EXAMPLE/20261130/us-east-1/s3/aws4_request ASIAIOSFODNN7EXAMPLE", 503),
      write,
      "failed",
      "s3://bkt/k.json: PutObject failed (SlowDown, HTTP 503): Please reduce your request rate. Credential=<redacted> <key id>",
    ],
  ])("%s", (error, call, code, message) => {
    const e = s3Failure(error, call);
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
    expect(e.message).not.toMatch(/AKIA|ASIA/);
  });
});
