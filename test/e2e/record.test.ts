// The recorder runs a real @pulumi/aws program under mocks and yields what the engine would send.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeProgram, type ProgramAnalysis } from "../../src/engine-client/analyze-program";
import { UNKNOWN, isSecret, secret, startPack, type PackClient } from "../../src/engine-client/harness";
import { projectName, recordProgram, type RecordedResource } from "../../src/engine-client/record";
import { AUTONAMES, autoName } from "../../src/engine-client/record-provider";

const TINY_PROGRAM = join(__dirname, "fixtures", "tiny-program", "index.ts");
/** Its Pulumi.yaml names the project "probe-project". */
const PROBE_DIR = join(__dirname, "fixtures", "probe-program");
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
let probePreview: RecordedResource[];
let probeUpdate: RecordedResource[];

beforeAll(async () => {
  // Both at once, to show that runs do not share runtime state.
  [preview, update] = await Promise.all([
    recordProgram(TINY_PROGRAM, { stack: "dev", project: PROJECT, preview: true, config: CONFIG }),
    recordProgram(TINY_PROGRAM, { stack: "prod", project: PROJECT, preview: false, config: CONFIG }),
  ]);
  const probe = (p: boolean) => recordProgram(join(PROBE_DIR, "index.ts"), { stack: "dev", preview: p, config: { "aws:region": "eu-west-1" } });
  [probePreview, probeUpdate] = await Promise.all([probe(true), probe(false)]);
}, 180_000);

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
  it("keeps what the mocked provider returned as the outputs: the inputs plus the id and ARN", () => {
    const key = find(update, "aws:kms/key:Key");
    expect(key.id).toBe("data-key-id");
    expect(key.outputs).toEqual({ ...key.properties, id: "data-key-id", arn: "arn:aws:kms:eu-west-1:123456789012:data-key" });
    const sse = find(update, SSE);
    expect(sse.outputs).toMatchObject({ ...sse.properties, id: "customer-data-sse-id" });
    expect(find(update, "pulumi:pulumi:Stack").outputs).toEqual({ bucketName: "customer-data-id" });
    expect(find(update, "pulumi:providers:aws")).toMatchObject({ id: "default_7_48_0-id", outputs: { region: "eu-west-1", version: "7.48.0" } });
  });

  it("resolves ids and ARNs the mocks produce", () => {
    const sse = find(update, SSE);
    expect(sse.properties.bucket).toBe("customer-data-id");
    expect(sse.properties.rules).toEqual([expect.objectContaining({
      applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "arn:aws:kms:eu-west-1:123456789012:data-key" },
    })]);
    expect(sse.propertyDependencies.bucket).toEqual([urn("prod", "aws:s3/bucket:Bucket", "customer-data")]);
  });
});

describe("recordProgram in preview: outputs", () => {
  it("are the planned state: the checked inputs with the id and the ARN unknown", () => {
    const key = find(preview, "aws:kms/key:Key");
    expect(key.id).toBeUndefined();
    expect(key.outputs).toEqual({ ...key.properties, id: UNKNOWN, arn: UNKNOWN });
    expect(find(preview, "pulumi:pulumi:Stack").outputs).toEqual({ bucketName: UNKNOWN });
    expect(find(preview, "pulumi:providers:aws").id).toBeUndefined();
  });

  it("keep a secret input secret", () => {
    const param = find(preview, "aws:ssm/parameter:Parameter");
    expect(param.outputs.value).toEqual(secret("correct-horse-battery-staple"));
  });
});

describe("provider-computed names (autonaming), ids and outputs", () => {
  const byName = (rs: RecordedResource[], name: string) => {
    const r = rs.find((x) => x.name === name);
    if (!r) throw new Error(`no ${name}`);
    return r;
  };
  const bucketUrn = "urn:pulumi:dev::probe-project::aws:s3/bucket:Bucket::Audit-Logs";
  const spec = AUTONAMES["aws:s3/bucket:Bucket"];
  if (!spec) throw new Error("no autoname for buckets");
  const name = autoName(spec, bucketUrn, {});

  it("take the project from the program's Pulumi.yaml, not its folder", () => {
    expect(projectName(PROBE_DIR)).toBe("probe-project");
    expect(probePreview.map((r) => r.urn)).toContain(bucketUrn);
  });

  it("name an unnamed resource as the provider's Check does, in preview and update alike, inputs and outputs", () => {
    expect(name).toMatch(/^audit-logs-[0-9a-f]{7}$/);
    for (const rs of [probePreview, probeUpdate]) {
      const bucket = byName(rs, "Audit-Logs");
      expect(bucket.properties.bucket).toBe(name);
      expect(bucket.outputs.bucket).toBe(name);
      // The program sees the name too: the stack exports it, and the probe got it as an input.
      expect(byName(rs, "probe-project-dev").outputs).toEqual({ bucketName: name });
      expect(byName(rs, "seen").properties.bucketName).toBe(name);
    }
    expect(byName(probeUpdate, "jobs").properties.name).toMatch(/^jobs-[0-9a-f]{7}\.fifo$/);
  });

  it("give ids and ARNs only with every value known; an S3 bucket's ARN is AWS's, named by the bucket", () => {
    expect(byName(probePreview, "Audit-Logs").outputs).toMatchObject({ id: UNKNOWN, arn: UNKNOWN });
    expect(byName(probeUpdate, "Audit-Logs")).toMatchObject({
      id: "Audit-Logs-id", outputs: { id: "Audit-Logs-id", arn: `arn:aws:s3:::${name}` },
    });
    expect(byName(probeUpdate, "seen").properties.bucketArn).toBe(`arn:aws:s3:::${name}`);
  });

  it("read a `.get()` resource in preview too, and keep a component's registered outputs", () => {
    const existing = byName(probePreview, "existing");
    expect(existing).toMatchObject({ external: true, id: "existing-bucket", outputs: { id: "existing-bucket" } });
    expect(byName(probePreview, "box")).toMatchObject({ custom: false, outputs: { size: 3 } });
    expect(byName(probePreview, "box").id).toBeUndefined();
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

  it("analyzeProgram: Analyze gets the inputs of registered resources, AnalyzeStack the outputs of all", async () => {
    const analysis: ProgramAnalysis = await analyzeProgram(pack, PROBE_DIR, "dev", false);
    const probeUrn = "urn:pulumi:dev::probe-project::test:index:Probe::seen";
    const seen = (policy: string) => {
      const d = analysis.diagnostics.filter((x) => x.policyName === policy && x.urn === probeUrn);
      expect(d).toHaveLength(1);
      return JSON.parse(d[0]?.message.split("\n")[1] ?? "null") as { props: Record<string, unknown>; opts: Record<string, unknown> };
    };
    expect(seen("tiny-probe").props).toEqual({ bucketArn: expect.stringMatching(/^arn:aws:s3:::audit-logs-/), bucketName: expect.any(String), secretNote: "s3cr3t-note" });
    const stack = seen("tiny-stack-graph");
    expect(stack.props).toEqual({ ...seen("tiny-probe").props, id: "seen-id" });
    expect(stack.opts.parent).toBe("urn:pulumi:dev::probe-project::pulumi:pulumi:Stack::probe-project-dev");
    // The bucket read with `.get()` has no owner tag: only AnalyzeStack sees it.
    const about = (name: string) => analysis.diagnostics.filter((d) => d.urn.endsWith(`::${name}`)).map((d) => d.policyName);
    expect(about("existing")).toEqual(["tiny-buckets-encrypted"]);
  }, 120_000);

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
