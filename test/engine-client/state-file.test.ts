// The `pulumi stack export` state-file writer and reader (src/engine-client/state-file.ts).
import { describe, expect, it } from "vitest";
import type { AnalyzerResourceInput } from "../../src/engine-client/analyzer-types";
import { defaultProvider, providerResource, resourceOf, stackResource } from "../../src/engine-client/resource-builder";
import {
  analyzerResourcesOf, fromStateValue, rootStackUrn, stateFileText, toStateFile, toStateValue, type StateResourceInput,
} from "../../src/engine-client/state-file";
import { SECRET_SIG, SIG_KEY, UNKNOWN, secret } from "../../src/engine-client/wire";

const s = { project: "shop", stack: "dev" };
const root = stackResource(s);
const aws = defaultProvider(s, "aws", "7.48.0", { region: "eu-west-1", secretKey: secret("s3cr3t") });
const key = resourceOf(s, "aws:kms/key:Key", "data", { description: "d", enableKeyRotation: true }, { parent: root.urn, provider: aws });
const bucket = resourceOf(
  s, "aws:s3/bucket:Bucket", "orders",
  { tags: { owner: secret("team-a") }, serverSideEncryptionConfiguration: { rule: { kmsMasterKeyId: "arn:aws:kms:eu-west-1:1:key/data" } } },
  { parent: root.urn, provider: aws, propertyDependencies: { serverSideEncryptionConfiguration: [key.urn] } },
);

describe("toStateFile", () => {
  it("writes a version 3 deployment with a manifest and every resource's fields", () => {
    const state = toStateFile([root, providerResource(aws), bucket, key], s);
    expect(state.version).toBe(3);
    expect(state.deployment.manifest.time).toBe("1970-01-01T00:00:00.000Z");
    expect(state.deployment.manifest.magic).toMatch(/^[0-9a-f]{64}$/);
    const b = state.deployment.resources.find((r) => r.urn === bucket.urn);
    expect(b).toEqual({
      urn: bucket.urn,
      custom: true,
      id: "orders-id",
      type: "aws:s3/bucket:Bucket",
      inputs: {
        tags: { owner: { [SIG_KEY]: SECRET_SIG, plaintext: '"team-a"' } },
        serverSideEncryptionConfiguration: { rule: { kmsMasterKeyId: "arn:aws:kms:eu-west-1:1:key/data" } },
      },
      outputs: {
        tags: { owner: { [SIG_KEY]: SECRET_SIG, plaintext: '"team-a"' } },
        serverSideEncryptionConfiguration: { rule: { kmsMasterKeyId: "arn:aws:kms:eu-west-1:1:key/data" } },
      },
      parent: root.urn,
      dependencies: [key.urn],
      provider: `${aws.urn}::default_7_48_0-id`,
      propertyDependencies: { serverSideEncryptionConfiguration: [key.urn] },
    });
  });

  it("keeps the root stack as a component without an id, and adds one when none is given", () => {
    const given = toStateFile([root, bucket], s).deployment.resources[0];
    expect(given).toMatchObject({ urn: root.urn, custom: false, type: "pulumi:pulumi:Stack" });
    expect(given).not.toHaveProperty("id");
    const added = toStateFile([bucket], s).deployment.resources[0];
    expect(added).toMatchObject({ urn: rootStackUrn(s), custom: false, type: "pulumi:pulumi:Stack", inputs: {}, outputs: {} });
    expect(rootStackUrn(s)).toBe(root.urn);
  });

  it("writes each provider once as a resource, with its inputs, and refers to it as <urn>::<id>", () => {
    const state = toStateFile([bucket, key], s);
    const providers = state.deployment.resources.filter((r) => r.type === "pulumi:providers:aws");
    expect(providers).toHaveLength(1);
    expect(providers[0]).toMatchObject({
      urn: aws.urn, custom: true, id: "default_7_48_0-id",
      inputs: { region: "eu-west-1", version: "7.48.0", secretKey: { [SIG_KEY]: SECRET_SIG, plaintext: '"s3cr3t"' } },
    });
    for (const r of state.deployment.resources.filter((x) => x.type.startsWith("aws:"))) {
      expect(r.provider).toBe(`${aws.urn}::default_7_48_0-id`);
    }
  });

  it("orders resources after their parent, provider and dependencies, otherwise as given", () => {
    const urns = toStateFile([bucket, key, root], s).deployment.resources.map((r) => r.urn);
    expect(urns).toEqual([root.urn, aws.urn, key.urn, bucket.urn]);
    const a = resourceOf(s, "aws:sqs/queue:Queue", "a", {});
    const b = resourceOf(s, "aws:sqs/queue:Queue", "b", {});
    expect(toStateFile([b, a], s).deployment.resources.map((r) => r.urn)).toEqual([root.urn, b.urn, a.urn]);
  });

  it("takes ids, outputs, custom, external and resource options from the input", () => {
    const r: StateResourceInput = {
      ...resourceOf(s, "aws:s3/bucket:Bucket", "imported", { bucket: "x" }),
      id: "x", outputs: { bucket: "x", arn: "arn:aws:s3:::x", password: secret("p") }, external: true,
      options: { protect: true, ignoreChanges: ["tags"], additionalSecretOutputs: ["arn"], aliases: ["urn:old"], customTimeouts: { create: 60, update: 0, delete: 0 } },
    };
    const out = toStateFile([r], s).deployment.resources[1];
    expect(out).toMatchObject({
      id: "x", external: true, protect: true, ignoreChanges: ["tags"], additionalSecretOutputs: ["arn"], aliases: ["urn:old"],
      customTimeouts: { create: 60 }, inputs: { bucket: "x" },
      outputs: { bucket: "x", arn: "arn:aws:s3:::x", password: { [SIG_KEY]: SECRET_SIG, plaintext: '"p"' } },
    });
    const component = toStateFile([{ ...resourceOf(s, "my:index:Thing", "t", {}), custom: false }], s).deployment.resources[1];
    expect(component).not.toHaveProperty("id");
    expect(component).not.toHaveProperty("protect");
  });

  it("refuses unknown values, naming the resource and the property", () => {
    const withUnknown = resourceOf(s, "aws:s3/bucket:Bucket", "b", { tags: { a: [1, UNKNOWN] } });
    expect(() => toStateFile([withUnknown], s)).toThrow(`${withUnknown.urn} inputs: property 'tags.a[1]' is unknown`);
    const inSecret = { ...resourceOf(s, "aws:s3/bucket:Bucket", "c", {}), outputs: { arn: secret(UNKNOWN) } };
    expect(() => toStateFile([inSecret], s)).toThrow(`${inSecret.urn} outputs: property 'arn' is unknown`);
    const provider = defaultProvider(s, "aws", "", { token: UNKNOWN });
    expect(() => toStateFile([resourceOf(s, "aws:s3/bucket:Bucket", "d", {}, { provider })], s)).toThrow(/providers:aws::default inputs: property 'token' is unknown/);
  });

  it("refuses resources of another stack, duplicates, cycles and two versions of one provider", () => {
    const other = resourceOf({ project: "shop", stack: "prod" }, "aws:s3/bucket:Bucket", "b", {});
    expect(() => toStateFile([other], s)).toThrow(/not in stack dev of project shop/);
    expect(() => toStateFile([key, key], s)).toThrow(/appears twice/);
    const a = resourceOf(s, "aws:sqs/queue:Queue", "a", {}, { dependencies: ["urn:pulumi:dev::shop::aws:sqs/queue:Queue::b"] });
    const b = resourceOf(s, "aws:sqs/queue:Queue", "b", {}, { dependencies: [a.urn] });
    expect(() => toStateFile([a, b], s)).toThrow(/depends on itself/);
    const changed = { ...aws, properties: { region: "us-east-1" } };
    expect(() => toStateFile([key, resourceOf(s, "aws:sqs/queue:Queue", "q", {}, { provider: changed })], s))
      .toThrow(/names provider .* with other properties/);
  });

  it("prints the file as pulumi stack export does: indented JSON with a final newline", () => {
    const text = stateFileText([bucket], s);
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(toStateFile([bucket], s));
  });
});

describe("secrets", () => {
  it("become SecretV1 envelopes whose plaintext is the value's JSON text, at any depth and nested", () => {
    expect(toStateValue(secret("x"), "r")).toEqual({ [SIG_KEY]: SECRET_SIG, plaintext: '"x"' });
    expect(toStateValue(secret(""), "r")).toEqual({ [SIG_KEY]: SECRET_SIG, plaintext: '""' });
    expect(toStateValue({ a: [secret({ b: 1, c: null })] }, "r")).toEqual({ a: [{ [SIG_KEY]: SECRET_SIG, plaintext: '{"b":1,"c":null}' }] });
    const nested = toStateValue(secret({ inner: secret(true) }), "r") as { plaintext: string };
    expect(JSON.parse(nested.plaintext)).toEqual({ inner: { [SIG_KEY]: SECRET_SIG, plaintext: "true" } });
  });

  it("round-trip to the engine's wire encoding", () => {
    const values = [secret("x"), secret(""), { a: [secret({ b: 1, c: null }), 2] }, secret({ inner: secret([1, "two"]) }), "plain", null];
    for (const v of values) expect(fromStateValue(toStateValue(v, "r"))).toEqual(v);
    expect(() => fromStateValue({ [SIG_KEY]: SECRET_SIG, ciphertext: "AAAA" })).toThrow(/only plaintext secrets/);
  });
});

describe("analyzerResourcesOf", () => {
  it("gives Analyze the inputs and AnalyzeStack the outputs, with the provider's inputs and the parent in both", () => {
    const withOutputs: StateResourceInput = { ...bucket, outputs: { ...bucket.properties, arn: "arn:aws:s3:::orders" } };
    const state = toStateFile([root, withOutputs, key], s);
    const analyze = analyzerResourcesOf(state, "analyze");
    const stack = analyzerResourcesOf(state, "analyzeStack");
    const find = (rs: AnalyzerResourceInput[]) => rs.find((r) => r.urn === bucket.urn);
    expect(find(analyze)?.properties).toEqual(bucket.properties);
    expect(find(stack)?.properties).toEqual({ ...bucket.properties, arn: "arn:aws:s3:::orders" });
    for (const r of [find(analyze), find(stack)]) {
      expect(r).toMatchObject({
        name: "orders", parent: root.urn, options: { parent: root.urn },
        provider: { urn: aws.urn, type: "pulumi:providers:aws", name: "default_7_48_0", properties: { ...aws.properties, version: "7.48.0" } },
        dependencies: [key.urn], propertyDependencies: { serverSideEncryptionConfiguration: [key.urn] },
      });
    }
    expect(analyze.map((r) => r.urn)).toEqual([root.urn, aws.urn, key.urn, bucket.urn]);
    expect(analyze[0]).not.toHaveProperty("provider");
  });
});
