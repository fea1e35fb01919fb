import { CreateBucketCommand, GetObjectAclCommand, HeadObjectCommand, PutBucketEncryptionCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { CreateKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { beforeAll, describe, expect, it } from "vitest";
import { listLocations, readText, StorageError, writeText, type StorageOptions } from "../../src/storage/report-store";
import { seedConfig, TEST_CREDENTIALS } from "../support/aws-context";
import { iamUser, policyDocument, whileIamEnforced, type AccessKeys } from "../support/iam-user";
import { useMoto } from "../support/moto/use-moto";

const moto = useMoto();
const BUCKET = "cdg-reports";
let bucketKey: string;
let otherKey: string;
let s3: S3Client;
const opts = (over: Partial<StorageOptions> = {}): StorageOptions => ({ region: "us-east-1", endpointUrl: moto().endpoint, credentials: TEST_CREDENTIALS, ...over });

beforeAll(async () => {
  s3 = new S3Client(seedConfig(moto().endpoint));
  const kms = new KMSClient(seedConfig(moto().endpoint));
  bucketKey = (await kms.send(new CreateKeyCommand({ Description: "bucket default" }))).KeyMetadata?.KeyId ?? "";
  otherKey = (await kms.send(new CreateKeyCommand({ Description: "reports" }))).KeyMetadata?.KeyId ?? "";
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: BUCKET,
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: bucketKey } }] },
    }),
  );
});

async function failure(run: () => Promise<unknown>): Promise<StorageError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof StorageError) return e;
    throw e;
  }
  throw new Error("expected a StorageError, but it succeeded");
}

describe("reports on S3 (moto)", () => {
  it("writes and reads back a report, with the bucket's default KMS encryption, a content type and no ACL", async () => {
    const text = '{"schema":"cdguard-report","findings":["é"]}\n';
    await writeText(`s3://${BUCKET}/runs/r1/report.json`, text, opts());
    expect(await readText(`s3://${BUCKET}/runs/r1/report.json`, opts())).toBe(text);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "runs/r1/report.json" }));
    expect(head.ContentType).toBe("application/json");
    expect(head.ServerSideEncryption).toBe("aws:kms");
    expect(head.SSEKMSKeyId).toContain(bucketKey);
    const acl = await s3.send(new GetObjectAclCommand({ Bucket: BUCKET, Key: "runs/r1/report.json" }));
    expect(acl.Grants?.map((g) => `${g.Grantee?.Type} ${g.Permission}`)).toEqual(["CanonicalUser FULL_CONTROL"]);
  });

  it("overwrites an object whole and encrypts with sseKmsKeyId when given", async () => {
    const at = `s3://${BUCKET}/runs/r1/shard-1.jsonl`;
    await writeText(at, "old\n", opts());
    await writeText(at, '{"shard":1}\n', opts({ sseKmsKeyId: otherKey }));
    expect(await readText(at, opts())).toBe('{"shard":1}\n');
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "runs/r1/shard-1.jsonl" }));
    expect(head.ContentType).toBe("application/x-ndjson");
    expect(head.ServerSideEncryption).toBe("aws:kms");
    expect(head.SSEKMSKeyId).toContain(otherKey);
  });

  it("lists the shard files under a prefix, sorted by key, across pages", async () => {
    const keys = ["list/shard-2.jsonl", "list/shard-10.jsonl", "list/a/shard-1.jsonl", "list/report.json", "list/report.html", "list/.hidden.json", "lister/other.json", "list-other.json"];
    for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: "{}" }));
    const expected = ["list/a/shard-1.jsonl", "list/report.json", "list/shard-10.jsonl", "list/shard-2.jsonl"].map((k) => `s3://${BUCKET}/${k}`);
    // Six keys under list/ in pages of two: three pages, so a listing that stopped at the first would miss some.
    expect(await listLocations(`s3://${BUCKET}/list/`, opts(), { pageSize: 2 })).toEqual(expected);
    expect(await listLocations(`s3://${BUCKET}/list/`, opts())).toEqual(expected);
    expect(await listLocations(`s3://${BUCKET}/list/`, opts(), { suffixes: [".html"], pageSize: 1 })).toEqual([`s3://${BUCKET}/list/report.html`]);
    expect(await listLocations(`s3://${BUCKET}/nothing-here/`, opts())).toEqual([]);
    const notPrefix = await failure(() => listLocations(`s3://${BUCKET}/list`, opts()));
    expect(notPrefix.code).toBe("invalid-location");
    expect(notPrefix.message).toBe(`s3://${BUCKET}/list: names an object, not a prefix: end it with '/' to list what is under it`);
  });

  it("reads a missing object as not-found and a missing bucket as no-bucket", async () => {
    const missing = await failure(() => readText(`s3://${BUCKET}/runs/none/report.json`, opts()));
    expect(missing.code).toBe("not-found");
    expect(missing.message).toBe(`s3://${BUCKET}/runs/none/report.json: no such object`);
    const noBucket = await failure(() => readText("s3://cdg-no-such-bucket/report.json", opts()));
    expect(noBucket.code).toBe("no-bucket");
    expect(noBucket.message).toBe("s3://cdg-no-such-bucket/report.json: no such bucket 'cdg-no-such-bucket'");
    expect((await failure(() => writeText("s3://cdg-no-such-bucket/report.json", "{}", opts()))).code).toBe("no-bucket");
    expect((await failure(() => listLocations("s3://cdg-no-such-bucket/", opts()))).code).toBe("no-bucket");
  });

  it("reports an unreachable endpoint as unavailable", async () => {
    const e = await failure(() => readText(`s3://${BUCKET}/k.json`, opts({ endpointUrl: "http://127.0.0.1:1" })));
    expect(e.code).toBe("unavailable");
    expect(e.message).toMatch(new RegExp(`^s3://${BUCKET}/k.json: could not reach S3 \\(`));
  });

  describe("under IAM enforcement", () => {
    let readOnly: AccessKeys;
    beforeAll(async () => {
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "denied/report.json", Body: "{}" }));
      // May list the bucket and nothing else: every read and write of an object is denied.
      readOnly = await iamUser(moto().endpoint, "cdg-lister", {
        name: "list-only",
        document: policyDocument({ Effect: "Allow", Action: ["s3:ListBucket"], Resource: [`arn:aws:s3:::${BUCKET}`] }),
      });
    });

    it("names the denied permission and never the credentials", async () => {
      const as = opts({ credentials: readOnly });
      const [read, write, listed, unknownKey] = await whileIamEnforced(moto(), async () => [
        await failure(() => readText(`s3://${BUCKET}/denied/report.json`, as)),
        await failure(() => writeText(`s3://${BUCKET}/denied/new.json`, "{}", as)),
        await listLocations(`s3://${BUCKET}/denied/`, as),
        await failure(() => readText(`s3://${BUCKET}/denied/report.json`, opts({ credentials: { accessKeyId: "AKIAUNKNOWNKEY123456", secretAccessKey: "not-a-secret-1234" } }))),
      ]);
      expect(read.code).toBe("access-denied");
      expect(read.message.startsWith(`s3://${BUCKET}/denied/report.json: access denied (s3:GetObject)`)).toBe(true);
      expect(write.code).toBe("access-denied");
      expect(write.message.startsWith(`s3://${BUCKET}/denied/new.json: access denied (s3:PutObject)`)).toBe(true);
      expect(listed).toEqual([`s3://${BUCKET}/denied/report.json`]);
      expect(unknownKey.code).toBe("credentials");
      expect(unknownKey.message).toBe(`s3://${BUCKET}/denied/report.json: AWS rejected the credentials (InvalidAccessKeyId)`);
      for (const e of [read, write, unknownKey]) {
        for (const secret of [readOnly.accessKeyId, readOnly.secretAccessKey, "AKIAUNKNOWNKEY123456", "not-a-secret-1234"]) expect(e.message).not.toContain(secret);
      }
    });

    it("reports a denied listing as access denied (s3:ListBucket)", async () => {
      const nothing = await iamUser(moto().endpoint, "cdg-nothing");
      const e = await whileIamEnforced(moto(), () => failure(() => listLocations(`s3://${BUCKET}/denied/`, opts({ credentials: nothing }))));
      expect(e.code).toBe("access-denied");
      expect(e.message).toBe(`s3://${BUCKET}/denied/: access denied (s3:ListBucket)`);
    });
  });
});
