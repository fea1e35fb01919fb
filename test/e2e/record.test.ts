// The recorder runs a real @pulumi/aws program under mocks and yields what the engine would send.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNKNOWN, isSecret, startPack, type PackClient } from "../../src/engine-client/harness";
import { recordProgram, type RecordedResource } from "../../src/engine-client/record";

const TINY_PROGRAM = join(__dirname, "fixtures", "tiny-program", "index.ts");
const TINY_PACK = join(__dirname, "fixtures", "tiny-pack");
const PROJECT = "tiny-program";
const CONFIG = { "aws:region": "eu-west-1", "tiny-program:owner": "data-team" };
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";

const urn = (stack: string, type: string, name: string) => `urn:pulumi:${stack}::${PROJECT}::${type}::${name}`;
const find = (rs: RecordedResource[], type: string) => {
  const r = rs.find((x) => x.type === type);
  if (!r) throw new Error(`no ${type} among ${rs.map((x) => x.urn).join(", ")}`);
  return r;
};

let preview: RecordedResource[];
let update: RecordedResource[];

beforeAll(async () => {
  // Both at once, to show that runs do not share runtime state.
  [preview, update] = await Promise.all([
    recordProgram(TINY_PROGRAM, { stack: "dev", project: PROJECT, preview: true, config: CONFIG }),
    recordProgram(TINY_PROGRAM, { stack: "prod", project: PROJECT, preview: false, config: CONFIG }),
  ]);
}, 120_000);

describe("recordProgram in preview", () => {
  it("records every resource the engine would analyze, in a stable order", () => {
    expect(preview.map((r) => r.urn)).toEqual([
      urn("dev", "pulumi:pulumi:Stack", "tiny-program-dev"),
      urn("dev", "pulumi:providers:aws", "default_7_48_0"),
      urn("dev", "aws:kms/key:Key", "data-key"),
      urn("dev", "aws:s3/bucket:Bucket", "customer-data"),
      urn("dev", SSE, "customer-data-sse"),
      urn("dev", "aws:ssm/parameter:Parameter", "db-password"),
    ]);
    expect(update.map((r) => r.urn)).toEqual(preview.map((r) =>
      r.urn.replace("urn:pulumi:dev::", "urn:pulumi:prod::").replace("tiny-program-dev", "tiny-program-prod")));
  });

  it("keeps the key ARN unknown and records which resources the encryption config came from", () => {
    const sse = find(preview, SSE);
    const bucket = find(preview, "aws:s3/bucket:Bucket");
    const key = find(preview, "aws:kms/key:Key");
    expect(sse.properties).toEqual({
      bucket: UNKNOWN,
      rules: [{
        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN },
        bucketKeyEnabled: true,
      }],
    });
    expect(sse.propertyDependencies).toEqual({ bucket: [bucket.urn], rules: [key.urn] });
    expect(sse.dependencies).toEqual([key.urn, bucket.urn]);
  });

  it("keeps secrets as secrets and applies stack config", () => {
    const param = find(preview, "aws:ssm/parameter:Parameter");
    expect(isSecret(param.properties.value)).toBe(true);
    expect(param.properties.value).toMatchObject({ value: "correct-horse-battery-staple" });
    expect(param.options?.additionalSecretOutputs).toContain("value");
    expect(find(preview, "aws:s3/bucket:Bucket").properties.tags).toEqual({ "data-classification": "restricted", owner: "data-team" });
  });

  it("parents resources to the root stack and gives them the default provider", () => {
    const stackUrn = urn("dev", "pulumi:pulumi:Stack", "tiny-program-dev");
    const provider = { urn: urn("dev", "pulumi:providers:aws", "default_7_48_0"), type: "pulumi:providers:aws",
      name: "default_7_48_0", properties: { region: "eu-west-1", version: "7.48.0" } };
    for (const r of preview.filter((x) => x.type.startsWith("aws:"))) {
      expect(r.parent).toBe(stackUrn);
      expect(r.provider).toEqual(provider);
    }
    expect(find(preview, "pulumi:providers:aws").properties).toEqual(provider.properties);
    expect(find(preview, "pulumi:pulumi:Stack").parent).toBeUndefined();
  });

  it("is deterministic", async () => {
    const again = await recordProgram(TINY_PROGRAM, { stack: "dev", project: PROJECT, preview: true, config: CONFIG });
    expect(again).toEqual(preview);
  }, 120_000);
});

describe("recordProgram in update mode", () => {
  it("resolves ids and ARNs the mocks produce", () => {
    const sse = find(update, SSE);
    expect(sse.properties.bucket).toBe("customer-data-id");
    expect(sse.properties.rules).toEqual([expect.objectContaining({
      applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "arn:aws:kms:eu-west-1:123456789012:data-key" },
    })]);
    expect(sse.propertyDependencies.bucket).toEqual([urn("prod", "aws:s3/bucket:Bucket", "customer-data")]);
  });
});

describe("recordProgram failures", () => {
  it("reports a program that throws, with its error", async () => {
    const failing = join(__dirname, "fixtures", "failing-program", "index.ts");
    await expect(recordProgram(failing, { stack: "dev", project: "failing-program", preview: true }))
      .rejects.toThrow(/recording .*failing-program.* program-failed-on-purpose/s);
  }, 120_000);
});

describe("recorded resources sent to a pack", () => {
  let pack: PackClient;
  beforeAll(async () => {
    pack = await startPack(TINY_PACK, { stack: { project: PROJECT, stack: "dev", config: CONFIG } });
  }, 60_000);
  afterAll(async () => {
    await pack?.close();
  });

  it("analyzes each resource and the stack as the engine would", async () => {
    for (const r of preview.filter((x) => !x.external)) {
      expect((await pack.analyze(r)).diagnostics.filter((d) => d.enforcementLevel === "mandatory")).toEqual([]);
    }
    expect((await pack.analyzeStack(preview)).diagnostics).toEqual([]);
    const withoutSse = preview.filter((r) => r.type !== SSE);
    expect((await pack.analyzeStack(withoutSse)).diagnostics.map((d) => [d.policyName, d.urn])).toEqual([
      ["tiny-buckets-encrypted", urn("dev", "aws:s3/bucket:Bucket", "customer-data")],
    ]);
  });
});
