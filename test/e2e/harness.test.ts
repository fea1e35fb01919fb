// The harness against a throwaway pack (fixtures/tiny-pack): every Analyzer RPC the engine uses.
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startPack, UNKNOWN, secret, type AnalyzeResult, type PackClient } from "../../src/engine-client/harness";
import { defaultProvider, providerResource, resourceOf, stackResource } from "../../src/engine-client/resource-builder";

const TINY_PACK = join(__dirname, "fixtures", "tiny-pack");
const S = { project: "tiny", stack: "dev" };
const ROOT = stackResource(S);
const PROVIDER = defaultProvider(S, "aws", "7.48.0", { region: "eu-west-1" });
const BUCKET = "aws:s3/bucket:Bucket";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";

const bucket = (name: string, tags?: unknown) =>
  resourceOf(S, BUCKET, name, tags === undefined ? { bucket: name } : { bucket: name, tags }, { parent: ROOT.urn, provider: PROVIDER });
const probe = (name: string, properties: Record<string, unknown>) =>
  resourceOf(S, "test:index:Probe", name, properties, { parent: ROOT.urn, provider: PROVIDER });
const of = (r: AnalyzeResult, policy: string) => r.diagnostics.filter((d) => d.policyName === policy);

let pack: PackClient;

beforeAll(async () => {
  pack = await startPack(TINY_PACK, { stack: S });
}, 60_000);

afterAll(async () => {
  await pack?.close();
});

describe("GetAnalyzerInfo", () => {
  it("lists the pack's policies with their metadata, sorted by name as the engine does", async () => {
    const info = await pack.getAnalyzerInfo();
    expect(info).toMatchObject({ name: "tiny-pack", version: "0.0.1", supportsConfig: true });
    expect(info.policies.map((p) => p.name)).toEqual([
      "tiny-bucket-owner-tag", "tiny-buckets-encrypted", "tiny-probe", "tiny-stack-graph",
    ]);
    const [ownerTag, encrypted, probePolicy] = info.policies;
    expect(ownerTag).toEqual({
      name: "tiny-bucket-owner-tag",
      displayName: "Buckets carry an owner tag",
      description: "Every bucket names its owner in a tag.",
      message: "",
      enforcementLevel: "mandatory",
      policyType: "resource",
      severity: "high",
      configSchema: {
        properties: {
          tagKey: { type: "string", default: "owner" },
          allowedOwners: { type: "array", items: { type: "string" } },
        },
        required: [],
      },
      tags: ["TINY-001", "privacy-hygiene"],
      remediationSteps: "Add the owner tag to the bucket.",
      url: "https://example.invalid/policies/tiny-bucket-owner-tag",
    });
    expect(encrypted).toMatchObject({ policyType: "stack", enforcementLevel: "mandatory", severity: "critical" });
    // A policy without its own level takes the pack's.
    expect(probePolicy).toMatchObject({ policyType: "resource", enforcementLevel: "advisory", severity: "low" });
  });
});

describe("Analyze", () => {
  it("returns a violation attributed to the analyzed resource's URN", async () => {
    const b = bucket("untagged");
    const r = await pack.analyze(b);
    expect(of(r, "tiny-bucket-owner-tag")).toEqual([{
      policyName: "tiny-bucket-owner-tag",
      policyPackName: "tiny-pack",
      policyPackVersion: "0.0.1",
      description: "Every bucket names its owner in a tag.",
      message: "Every bucket names its owner in a tag.\nbucket untagged has no 'owner' tag",
      urn: b.urn,
      reportedUrn: "",
      enforcementLevel: "mandatory",
      severity: "high",
    }]);
    expect(r.diagnostics).toHaveLength(1);
  });

  it("passes a compliant resource and reports policies that do not apply", async () => {
    const r = await pack.analyze(bucket("owned", { owner: "data-team" }));
    expect(r.diagnostics).toEqual([]);
    const n = await pack.analyze(probe("p0", {}));
    expect(n.notApplicable).toContainEqual({ policyName: "tiny-bucket-owner-tag", reason: `only applies to ${BUCKET}` });
  });

  it("delivers unknowns as unknowns and secrets in plaintext, as the engine does", async () => {
    const p = probe("p1", {
      arn: UNKNOWN,
      password: secret("hunter2"),
      nested: { keyId: UNKNOWN, list: [1, secret({ inner: "s" }), UNKNOWN] },
      plain: "04da6b54",
    });
    const r = await pack.analyze(p);
    const seen = JSON.parse(of(r, "tiny-probe")[0]?.message.split("\n")[1] ?? "null") as Record<string, unknown>;
    expect(seen.props).toEqual({
      arn: "<unknown>",
      password: "hunter2",
      nested: { keyId: "<unknown>", list: [1, { inner: "s" }, "<unknown>"] },
      plain: "04da6b54",
    });
    expect(seen.opts).toEqual({
      protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, parent: ROOT.urn,
    });
    expect(seen.provider).toEqual({ urn: PROVIDER.urn, type: PROVIDER.type, name: PROVIDER.name, props: PROVIDER.properties });
  });

  it("turns a policy reading an unknown into the SDK's advisory 'can't run during preview'", async () => {
    const r = await pack.analyze(bucket("computed-tags", UNKNOWN));
    expect(of(r, "tiny-bucket-owner-tag")).toEqual([expect.objectContaining({
      enforcementLevel: "advisory",
      message: expect.stringMatching(/can't run policy 'tiny-bucket-owner-tag'.*during preview: .*\.tags can't be known/s),
    })]);
  });

  it("lets policy logs reach the pack's stdout without any Engine service", async () => {
    const p = probe("logger", {});
    await pack.analyze(p);
    await expect(pack.waitForOutput(new RegExp(`info: \\[runtime\\] tiny-probe saw ${p.urn.replace(/\$/g, "\\$")}`)))
      .resolves.toContain("tiny-probe saw");
  });

  it("surfaces a policy's exception as a failed RPC naming the policy", async () => {
    await expect(pack.analyze(probe("thrower", { behaviour: "throw" })))
      .rejects.toThrow(/Analyze\(.*thrower\) failed: .*policy 'tiny-probe'.*tiny-probe was asked to throw/s);
  });
});

describe("Configure", () => {
  afterEach(async () => {
    await pack.configure({});
  });

  it("changes a policy's enforcement level and config", async () => {
    const sent = await pack.configure({ "tiny-bucket-owner-tag": { enforcementLevel: "advisory", tagKey: "team" } });
    expect(sent["tiny-bucket-owner-tag"]).toEqual({ enforcementLevel: "advisory", properties: { tagKey: "team" } });
    const r = await pack.analyze(bucket("owned", { owner: "data-team" }));
    expect(of(r, "tiny-bucket-owner-tag")).toEqual([expect.objectContaining({
      enforcementLevel: "advisory", message: expect.stringContaining("has no 'team' tag"),
    })]);
  });

  it("keeps schema defaults for properties the config leaves out", async () => {
    await pack.configure({ "tiny-bucket-owner-tag": { allowedOwners: ["data-team"] } });
    const r = await pack.analyze(bucket("owned", { owner: "someone-else" }));
    expect(of(r, "tiny-bucket-owner-tag")).toEqual([expect.objectContaining({
      enforcementLevel: "mandatory", message: expect.stringContaining("owned by 'someone-else'"),
    })]);
  });

  it("disables a policy, or every policy through 'all'", async () => {
    await pack.configure({ "tiny-bucket-owner-tag": "disabled" });
    expect((await pack.analyze(bucket("untagged"))).diagnostics).toEqual([]);
    await pack.configure({ all: "disabled" });
    const stack = await pack.analyzeStack([ROOT, bucket("untagged")]);
    expect(stack.diagnostics).toEqual([]);
  });

  it("rejects config that fails the policy's schema, as the engine does", async () => {
    await expect(pack.configure({ "tiny-bucket-owner-tag": { tagKey: 5 } }))
      .rejects.toThrow(/validating policy config: tiny-pack 0\.0\.1: tiny-bucket-owner-tag\.tagKey: invalid type/);
    await expect(pack.configure({ "tiny-bucket-owner-tag": "loud" })).rejects.toThrow(/not a valid enforcement level/);
  });
});

describe("AnalyzeStack", () => {
  it("joins resources through propertyDependencies URNs while values are unknown", async () => {
    const covered = bucket("covered", { owner: "a" });
    const bare = bucket("bare", { owner: "a" });
    const key = resourceOf(S, "aws:kms/key:Key", "key", { enableKeyRotation: true }, { parent: ROOT.urn, provider: PROVIDER });
    const sse = resourceOf(S, SSE, "covered-sse", {
      bucket: UNKNOWN,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN } }],
    }, { parent: ROOT.urn, provider: PROVIDER, propertyDependencies: { bucket: [covered.urn], rules: [key.urn] } });
    const r = await pack.analyzeStack([ROOT, providerResource(PROVIDER), key, covered, bare, sse]);
    expect(of(r, "tiny-buckets-encrypted").map((d) => [d.urn, d.reportedUrn, d.enforcementLevel])).toEqual([
      [bare.urn, bare.urn, "mandatory"],
    ]);
    // Without the dependency the join has nothing to go on: both buckets fail.
    const unjoined = await pack.analyzeStack([ROOT, key, covered, bare, { ...sse, propertyDependencies: {} }]);
    expect(of(unjoined, "tiny-buckets-encrypted").map((d) => d.urn)).toEqual([covered.urn, bare.urn]);
  });

  it("hands the policy parent, dependencies, provider and options the way the engine does", async () => {
    const key = resourceOf(S, "aws:kms/key:Key", "key", {}, { parent: ROOT.urn, provider: PROVIDER });
    const p = resourceOf(S, "test:index:Probe", "graph", { keyArn: UNKNOWN, token: secret("t0k3n") }, {
      parent: ROOT.urn, provider: PROVIDER, propertyDependencies: { keyArn: [key.urn], token: [] },
    });
    const r = await pack.analyzeStack([ROOT, providerResource(PROVIDER), key, p]);
    const graph = of(r, "tiny-stack-graph");
    expect(graph.map((d) => d.urn)).toEqual([p.urn]);
    expect(JSON.parse(graph[0]?.message.split("\n")[1] ?? "null")).toEqual({
      parent: ROOT.urn,
      dependencies: [key.urn],
      propertyDependencies: { keyArn: [key.urn] },
      provider: PROVIDER.urn,
      props: { keyArn: "<unknown>", token: "t0k3n" },
      // AnalyzeStack carries the parent both beside the options and in them (step_generator.go AnalyzeResources).
      opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, parent: ROOT.urn },
    });
  });

  it("sends a resource's outputs when it has them (recorded resources), its properties otherwise", async () => {
    const p = { ...probe("with-outputs", { size: "input" }), outputs: { size: "output", id: "probe-id", token: secret("t") } };
    const stack = of(await pack.analyzeStack([ROOT, p]), "tiny-stack-graph");
    expect(JSON.parse(stack[0]?.message.split("\n")[1] ?? "null")).toMatchObject({ props: { size: "output", id: "probe-id", token: "t" } });
    const analyzed = of(await pack.analyze(p), "tiny-probe");
    expect(JSON.parse(analyzed[0]?.message.split("\n")[1] ?? "null")).toMatchObject({ props: { size: "input" } });
  });

  it("attributes a stack violation naming no known resource to the root stack", async () => {
    const stranger = "urn:pulumi:dev::tiny::test:index:Probe::not-in-this-stack";
    const named = probe("names-a-stranger", { reportUrn: stranger });
    const anonymous = probe("names-nothing", { reportUrn: "" });
    const r = await pack.analyzeStack([ROOT, named, anonymous]);
    expect(of(r, "tiny-stack-graph").map((d) => [d.reportedUrn, d.urn])).toEqual([
      [stranger, ROOT.urn],
      ["", ROOT.urn],
    ]);
    expect(ROOT.urn).toBe("urn:pulumi:dev::tiny::pulumi:pulumi:Stack::tiny-dev");
  });
});
