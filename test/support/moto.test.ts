import { CreateUserCommand, IAMClient, ListUsersCommand } from "@aws-sdk/client-iam";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { KMSClient, ListKeysCommand } from "@aws-sdk/client-kms";
import { CreateBucketCommand, GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import * as http from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { identify, mulberry32, startFaultProxy } from "./fault-proxy";
import { iamUser } from "./iam-user";
import { MOTO_ACCOUNT_ID, MOTO_CREDENTIALS, MOTO_REGION, startMoto } from "./moto/server";
import { useFaultProxy, useMoto } from "./moto/use-moto";

interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
}

const s3 = (endpoint: string, credentials: Creds = MOTO_CREDENTIALS, maxAttempts = 3): S3Client =>
  new S3Client({ endpoint, region: MOTO_REGION, credentials, forcePathStyle: true, maxAttempts });
const iam = (endpoint: string, credentials: Creds = MOTO_CREDENTIALS, maxAttempts = 3): IAMClient =>
  new IAMClient({ endpoint, region: MOTO_REGION, credentials, maxAttempts });

/** Resolves to the rejection of `p`, failing if it resolves. */
async function rejection(p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (err) {
    return err as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error("expected the call to fail, but it succeeded");
}

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on("error", reject);
  });
}

// moto is CPU-bound (e.g. the first IAM call after start/reset loads ~1,300 AWS managed policies):
// on a loaded machine these tests take several times longer than their idle ~1-4 s.
const MOTO_TEST_TIMEOUT = 90_000;

describe("moto server", () => {
  const moto = useMoto();

  it("listens on loopback and emulates S3 and IAM; reset() clears state", async () => {
    expect(moto().endpoint).toBe(`http://127.0.0.1:${moto().port}`);
    const s3c = s3(moto().endpoint);
    const iamc = iam(moto().endpoint);

    await s3c.send(new CreateBucketCommand({ Bucket: "cdg-bucket-a" }));
    await iamc.send(new CreateUserCommand({ UserName: "alice" }));

    const buckets = await s3c.send(new ListBucketsCommand({}));
    expect(buckets.Buckets?.map((b) => b.Name)).toEqual(["cdg-bucket-a"]);
    const users = await iamc.send(new ListUsersCommand({}));
    expect(users.Users?.map((u) => u.UserName)).toEqual(["alice"]);
    expect(users.Users?.[0]?.Arn).toBe(`arn:aws:iam::${MOTO_ACCOUNT_ID}:user/alice`);

    await moto().reset();
    expect((await s3c.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
    expect((await iamc.send(new ListUsersCommand({}))).Users ?? []).toEqual([]);
  }, MOTO_TEST_TIMEOUT);

  // What moto 5.2.5 enforces once IAM auth is on (checked against every service the scanner reads):
  // - Every request must be signed with the keys of an IAM user (or assumed-role session) that exists
  //   in moto, and the signature is verified; the "testing" keys become unknown (InvalidAccessKeyId on
  //   S3, InvalidClientTokenId elsewhere). sts:GetCallerIdentity is always allowed.
  // - Identity policies (inline/attached, user and group) are evaluated: Action, and Resource against
  //   what moto computes (bucket/object ARN for S3, mostly "*" elsewhere); Conditions are evaluated
  //   only in role trust policies; resource policies (bucket/key policies) are not consulted.
  // - Denials are well-formed only for S3 (AccessDenied) and awsQuery/ec2 services: iam, sts, ec2,
  //   rds, sns, elasticache, redshift answer 403 AccessDenied (EC2 too, where real AWS says
  //   UnauthorizedOperation). JSON and REST-JSON services (dynamodb, kms, secretsmanager, logs,
  //   firehose, sqs, efs, kafka, opensearch, backup, organizations) are denied too, but with IAM's
  //   XML error body, which SDK v3 cannot parse (a SyntaxError "Deserialization error", status 403).
  //   Use the fault proxy's accessDenied for those.
  it("enableIamAuth() makes moto enforce IAM policies of real IAM users", async () => {
    await moto().reset();
    const newUser = (name: string, policy?: object): Promise<Creds> => iamUser(moto().endpoint, name, policy && { name: "p", document: policy });
    const nobody = await newUser("nobody");
    const reader = await newUser("reader", {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["s3:ListAllMyBuckets", "iam:ListUsers"], Resource: "*" }],
    });
    // Auth off: anybody, even unknown keys, may do anything.
    await s3(moto().endpoint, nobody).send(new ListBucketsCommand({}));

    await moto().enableIamAuth();
    try {
      // A user with no policies is denied, on S3 (its own S3 error) and on query services (IAM's error).
      expect((await rejection(s3(moto().endpoint, nobody, 1).send(new ListBucketsCommand({})))).name).toBe("AccessDenied");
      expect((await rejection(iam(moto().endpoint, nobody, 1).send(new ListUsersCommand({})))).name).toBe("AccessDenied");
      // ... except for sts:GetCallerIdentity, which moto always allows.
      const who = await new STSClient({ endpoint: moto().endpoint, region: MOTO_REGION, credentials: nobody }).send(
        new GetCallerIdentityCommand({}),
      );
      expect(who.Arn).toBe(`arn:aws:iam::${MOTO_ACCOUNT_ID}:user/nobody`);
      // A user whose policy allows the action passes; S3 ListBuckets is checked as s3:ListAllMyBuckets.
      expect((await s3(moto().endpoint, reader).send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
      expect((await iam(moto().endpoint, reader).send(new ListUsersCommand({}))).Users?.length).toBe(2);
      // The "testing" keys are not an IAM user: once auth is on they are rejected as unknown keys.
      expect((await rejection(s3(moto().endpoint, MOTO_CREDENTIALS, 1).send(new ListBucketsCommand({})))).name).toBe("InvalidAccessKeyId");
      expect((await rejection(iam(moto().endpoint, MOTO_CREDENTIALS, 1).send(new ListUsersCommand({})))).name).toBe("InvalidClientTokenId");

      // Through the fault proxy the SigV4 signature still verifies (the Host header is forwarded untouched).
      const proxy = await startFaultProxy({ target: moto().endpoint });
      try {
        expect((await iam(proxy.endpoint, reader, 1).send(new ListUsersCommand({}))).Users?.length).toBe(2);
        expect((await rejection(iam(proxy.endpoint, nobody, 1).send(new ListUsersCommand({})))).name).toBe("AccessDenied");
      } finally {
        await proxy.close();
      }
    } finally {
      // reset() also switches auth back off.
      await moto().reset();
    }
    expect((await iam(moto().endpoint).send(new ListUsersCommand({}))).Users ?? []).toEqual([]);
  }, MOTO_TEST_TIMEOUT);

  it("enableIamAuth(n) lets n more requests through before enforcing", async () => {
    await moto().reset();
    const iamc = iam(moto().endpoint, MOTO_CREDENTIALS, 1);
    await moto().enableIamAuth(2);
    try {
      await iamc.send(new ListUsersCommand({}));
      await iamc.send(new ListUsersCommand({}));
      expect((await rejection(iamc.send(new ListUsersCommand({})))).name).toBe("InvalidClientTokenId");
    } finally {
      await moto().disableIamAuth();
    }
    await iamc.send(new ListUsersCommand({}));
  }, MOTO_TEST_TIMEOUT);

  describe("fault proxy", () => {
    beforeAll(async () => {
      await moto().reset();
    });
    const proxy = useFaultProxy(() => ({
      target: moto().endpoint,
      accessDenied: ["s3"],
      throttle: { share: 1, services: ["iam"] },
      serverError: ["kms"],
      delayMs: { services: ["dynamodb"], ms: 400 },
    }));

    it("injects protocol-shaped faults and counts them", async () => {
      const base = { endpoint: proxy().endpoint, region: MOTO_REGION, credentials: MOTO_CREDENTIALS, maxAttempts: 1 };

      const denied = await rejection(s3(proxy().endpoint, MOTO_CREDENTIALS, 1).send(new ListBucketsCommand({})));
      expect(denied.name).toBe("AccessDenied");
      expect(denied.$metadata?.httpStatusCode).toBe(403);

      const throttled = await rejection(iam(proxy().endpoint, MOTO_CREDENTIALS, 1).send(new ListUsersCommand({})));
      expect(throttled.name).toBe("Throttling");
      expect(throttled.$metadata?.httpStatusCode).toBe(400);

      const failed = await rejection(new KMSClient(base).send(new ListKeysCommand({})));
      expect(failed.$metadata?.httpStatusCode).toBe(500);

      const started = Date.now();
      const tables = await new DynamoDBClient(base).send(new ListTablesCommand({}));
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
      expect(tables.TableNames).toEqual([]);

      const stats = proxy().stats();
      expect(stats.s3).toMatchObject({ requests: 1, accessDenied: 1, forwarded: 0 });
      expect(stats.iam).toMatchObject({ requests: 1, throttled: 1, forwarded: 0 });
      expect(stats.kms).toMatchObject({ requests: 1, serverError: 1, forwarded: 0 });
      expect(stats.dynamodb).toMatchObject({ requests: 1, delayed: 1, forwarded: 1, throttled: 0 });
      expect(proxy().requests()).toEqual([
        { service: "s3", action: "GET /", protocol: "rest-xml-s3", fault: "accessDenied" },
        { service: "iam", action: "ListUsers", protocol: "query", fault: "throttle" },
        { service: "kms", action: "ListKeys", protocol: "json", fault: "serverError" },
        { service: "dynamodb", action: "ListTables", protocol: "json" },
      ]);
    }, MOTO_TEST_TIMEOUT);

    it("decides throttling per request, so the SDK's retries get through", async () => {
      proxy().setFaults({ throttle: { share: 0.5 } });
      proxy().resetStats();
      const iamc = iam(proxy().endpoint, MOTO_CREDENTIALS, 10);
      for (let i = 0; i < 5; i++) await iamc.send(new ListUsersCommand({}));
      const st = proxy().stats().iam!;
      expect(st.forwarded).toBe(5);
      expect(st.throttled).toBeGreaterThan(0);
      expect(st.requests).toBe(st.forwarded + st.throttled);
    }, MOTO_TEST_TIMEOUT);

    it("answers AccessDenied in each protocol's own shape", async () => {
      proxy().setFaults({ accessDenied: ["iam", "kms", "ec2", "sqs", "efs"] });
      const err = async (p: Promise<unknown>): Promise<[string, number | undefined]> => {
        const e = await rejection(p);
        return [e.name, e.$metadata?.httpStatusCode];
      };
      const base = { endpoint: proxy().endpoint, region: MOTO_REGION, credentials: MOTO_CREDENTIALS, maxAttempts: 1 };
      const { EC2Client, DescribeVpcsCommand } = await import("@aws-sdk/client-ec2");
      const { SQSClient, ListQueuesCommand } = await import("@aws-sdk/client-sqs");
      const { EFSClient, DescribeFileSystemsCommand } = await import("@aws-sdk/client-efs");
      expect(await err(iam(proxy().endpoint, MOTO_CREDENTIALS, 1).send(new ListUsersCommand({})))).toEqual(["AccessDenied", 403]);
      expect(await err(new KMSClient(base).send(new ListKeysCommand({})))).toEqual(["AccessDeniedException", 400]);
      expect(await err(new EC2Client(base).send(new DescribeVpcsCommand({})))).toEqual(["UnauthorizedOperation", 403]);
      expect(await err(new SQSClient(base).send(new ListQueuesCommand({})))).toEqual(["AccessDenied", 400]);
      expect(await err(new EFSClient(base).send(new DescribeFileSystemsCommand({})))).toEqual(["AccessDeniedException", 403]);
      // Services not listed are forwarded to moto untouched, bodies included.
      proxy().setFaults({});
      expect((await new KMSClient(base).send(new ListKeysCommand({}))).Keys).toEqual([]);
      const s3p = s3(proxy().endpoint, MOTO_CREDENTIALS, 1);
      await s3p.send(new CreateBucketCommand({ Bucket: "via-proxy" }));
      await s3p.send(new PutObjectCommand({ Bucket: "via-proxy", Key: "k", Body: "hello through the proxy" }));
      const obj = await s3p.send(new GetObjectCommand({ Bucket: "via-proxy", Key: "k" }));
      expect(await obj.Body?.transformToString()).toBe("hello through the proxy");
    }, MOTO_TEST_TIMEOUT);
  });

  it("stop() waits for the server to exit and frees its port", async () => {
    const other = await startMoto();
    expect(await get(`${other.endpoint}/moto-api/`)).toBe(200);
    await other.stop();
    expect(() => process.kill(other.pid, 0)).toThrow();
    await expect(get(`${other.endpoint}/moto-api/`)).rejects.toThrow(/ECONNREFUSED/);
    await other.stop(); // idempotent
  }, 150_000);
});

describe("fault proxy internals", () => {
  it("identifies service, action and protocol", () => {
    const auth = (svc: string) => ({ authorization: `AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/${svc}/aws4_request, SignedHeaders=host, Signature=x` });
    const form = Buffer.from("Action=DescribeDBInstances&Version=2014-10-31");
    expect(identify("POST", "/", { ...auth("rds"), "content-type": "application/x-www-form-urlencoded" }, form)).toMatchObject({
      service: "rds",
      action: "DescribeDBInstances",
      protocol: "query",
    });
    expect(identify("POST", "/", { ...auth("sqs"), "x-amz-target": "AmazonSQS.ListQueues", "x-amzn-query-mode": "true" }, Buffer.alloc(0))).toMatchObject({
      service: "sqs",
      action: "ListQueues",
      protocol: "json",
      queryCompatible: true,
    });
    expect(identify("GET", "/2015-02-01/file-systems", auth("elasticfilesystem"), Buffer.alloc(0))).toMatchObject({
      service: "elasticfilesystem",
      action: "GET /2015-02-01/file-systems",
      protocol: "rest-json",
    });
    expect(identify("GET", "/?Action=DescribeVpcs", auth("ec2"), Buffer.alloc(0))).toMatchObject({ action: "DescribeVpcs", protocol: "ec2" });
    expect(identify("GET", "/b?X-Amz-Credential=AKID%2F20250101%2Fus-east-1%2Fs3%2Faws4_request", {}, Buffer.alloc(0))).toMatchObject({
      service: "s3",
      protocol: "rest-xml-s3",
    });
  });

  it("uses a deterministic seeded PRNG", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 50 }, () => a());
    expect(xs).toEqual(Array.from({ length: 50 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(50);
  });

  it("refuses non-loopback targets", async () => {
    await expect(startFaultProxy({ target: "http://example.com:4566" })).rejects.toThrow(/loopback/);
  });
});
