// The Pulumi front of the data inventory (src/engine-client/stack-inventory.ts): a recorded example program,
// written as a `pulumi stack export` file (every value known) and as a new stack's preview recording (unknowns).
import Ajv2020 from "ajv/dist/2020";
import { beforeAll, describe, expect, it } from "vitest";
import type { DataInventory, InventoryStore } from "../../src/access/model";
import { demoInventoryMarkdown } from "../../src/engine-client/demo-inventory";
import { recordProgram, type RecordedResource } from "../../src/engine-client/record";
import {
  packWideConfig, pulumiDataInventory, redacted, StackInputError, stackResourcesOfExport, stackResourcesOfRecorded, stackResourcesOfRecording,
} from "../../src/engine-client/stack-inventory";
import { toStateFile, type StateFile } from "../../src/engine-client/state-file";
import { SECRET_SIG, SIG_KEY } from "../../src/engine-client/wire";
import reportSchema from "../../src/reports/report.schema.json";
import { ALL_RULES } from "../../src/rules";
import { discoverExamples, PROGRAM_SECRETS, recordKnown, secretTokens, stateOf, withSecrets, type SecretTokens } from "../realcli/examples";

const example = discoverExamples(`${__dirname}/../..`).find((e) => e.dir === "segments-violations")!;
const judging = { rules: ALL_RULES, entries: {} };
const PROJECT = "tenants-violations";

const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(reportSchema);
const validateInventory = ajv.getSchema(`${reportSchema.$id}#/$defs/dataInventory`)!;

let tokens: SecretTokens;
let state: StateFile;
let known: DataInventory;
let previewResources: RecordedResource[];
let preview: DataInventory;

beforeAll(async () => {
  tokens = secretTokens();
  state = stateOf(example, withSecrets(await recordKnown(example, tokens), tokens), "deployed", tokens);
  known = pulumiDataInventory(stackResourcesOfExport(JSON.stringify(state), "dev.json"), judging);
  previewResources = await recordProgram(`${example.path}/index.ts`, { stack: "dev", project: example.project, preview: true, config: { "aws:region": "eu-west-1" } });
  preview = pulumiDataInventory(stackResourcesOfRecorded(previewResources, "preview"), judging);
}, 120_000);

const store = (doc: DataInventory, name: string): InventoryStore => {
  const found = doc.stores.find((s) => s.id.endsWith(`::${name}`));
  if (!found) throw new Error(`no store ${name} in ${doc.stores.map((s) => s.id).join(", ")}`);
  return found;
};
const role = (name: string) => `urn:pulumi:dev::${PROJECT}::aws:iam/role:Role::${name}`;

describe("a `pulumi stack export` file of a deployed stack", () => {
  it("names the stack and the account its ARNs tell", () => {
    expect(known.source).toEqual({ front: "pulumi", name: `${PROJECT}/dev`, accounts: ["123456789012"] });
  });

  it("lists every store with its kind, classification (tagged) and segment", () => {
    expect(known.stores.map((s) => [s.id.split("::").pop(), s.kind, s.classification.level, s.classification.basis, s.classification.customerData, s.segment, s.segmentState])).toEqual([
      ["tenant-a-db", "rds-instance", "restricted", "tag", true, "tenant-a", "tagged"],
      ["tenant-b-db", "rds-instance", "restricted", "tag", true, "tenant-b", "tagged"],
      ["tenant-a-documents", "s3-bucket", "restricted", "tag", true, "tenant-a", "tagged"],
      ["tenant-b-documents", "s3-bucket", "restricted", "tag", true, "tenant-b", "tagged"],
    ]);
  });

  it("reads exposure and encryption from the same models the rules judge", () => {
    // tenant-b's database sits in subnets routed to the internet and admits 0.0.0.0/0 (the example's mistakes).
    expect(store(known, "tenant-b-db").exposure.internetPath.state).toBe("yes");
    expect(store(known, "tenant-a-db").exposure.internetPath.state).toBe("no");
    expect(store(known, "tenant-a-documents").encryption).toMatchObject({ state: "encrypted", keyManager: "customer-managed", keyOwner: "own-account" });
  });

  it("maps who reaches each store: the reporting role reads both segments' documents", () => {
    const reporting = known.principalSummaries.find((p) => p.principal === role("reporting"));
    expect(reporting).toEqual({ principal: role("reporting"), stores: { read: 2, write: 0, manage: 0, unknown: 0 }, customerDataStores: 2, segments: ["tenant-a", "tenant-b"] });
    expect(known.principalSummaries[0]!.principal).toBe(role("reporting"));
    const edges = known.access.filter((e) => e.principal === role("reporting")).map((e) => [e.store.split("::").pop(), e.level]);
    expect(edges).toEqual([["tenant-a-documents", "read"], ["tenant-b-documents", "read"]]);
  });

  it("is valid against the report schema's dataInventory section", () => {
    expect(validateInventory(known), JSON.stringify(validateInventory.errors)).toBe(true);
  });

  it("prints no secret: tags, descriptions and outputs marked secret are redacted", () => {
    const text = JSON.stringify(known);
    for (const secret of [tokens.config, tokens.tag, tokens.description, tokens.output, tokens.waiver, ...PROGRAM_SECRETS]) expect(text).not.toContain(secret);
  });

  it("keeps owner tags, and shows a secret one as [secret]", () => {
    const tagged = structuredClone(state);
    const bucket = tagged.deployment.resources.find((r) => r.urn.endsWith("::tenant-a-documents"))!;
    const secretOwner = { [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify(`${tokens.tag}-owner`) };
    bucket.outputs.tags = { ...(bucket.outputs.tags as object), team: "payments", owner: secretOwner };
    const doc = pulumiDataInventory(stackResourcesOfExport(JSON.stringify(tagged), "tagged.json"), judging);
    expect(store(doc, "tenant-a-documents").owner).toEqual({ owner: "[secret]", team: "payments" });
    expect(JSON.stringify(doc)).not.toContain(tokens.tag);
  });

  it("reads a secret `pulumi stack export` left encrypted as unknown, and says so", () => {
    const sealed = structuredClone(state);
    const bucket = sealed.deployment.resources.find((r) => r.urn.endsWith("::tenant-a-documents"))!;
    bucket.outputs.tags = { [SIG_KEY]: SECRET_SIG, ciphertext: "AAAA" };
    const doc = pulumiDataInventory(stackResourcesOfExport(JSON.stringify(sealed), "sealed.json"), judging);
    expect(store(doc, "tenant-a-documents").classification).toMatchObject({ basis: "unknown", customerData: "unknown" });
    expect(doc.gaps).toContainEqual({ subject: `${PROJECT}/dev`, reason: expect.stringMatching(/^1 secret value\(s\) in sealed\.json are encrypted .*--show-secrets/) as string });
  });
});

describe("a new stack's preview recording", () => {
  it("lists the same stores, classified by their literal tags", () => {
    expect(preview.stores.map((s) => [s.id.split("::").pop(), s.classification.basis, s.segment])).toEqual([
      ["tenant-a-db", "tag", "tenant-a"],
      ["tenant-b-db", "tag", "tenant-b"],
      ["tenant-a-documents", "tag", "tenant-a"],
      ["tenant-b-documents", "tag", "tenant-b"],
    ]);
  });

  it("shows access that depends on values computed at deploy as unknown, with the reason, never as allowed", () => {
    const reporting = preview.access.filter((e) => e.principal === role("reporting"));
    expect(reporting.map((e) => e.status)).toEqual(["unknown", "unknown"]);
    expect(reporting[0]!.reason).toMatch(/not known until deploy/);
    expect(preview.principalSummaries.find((p) => p.principal === role("reporting"))!.stores).toEqual({ read: 0, write: 0, manage: 0, unknown: 2 });
    expect(preview.gaps.some((g) => g.subject === role("reporting"))).toBe(true);
    expect(validateInventory(preview), JSON.stringify(validateInventory.errors)).toBe(true);
  });

  it("reads the same recording from a resource file (`cdguard inventory --resources`)", () => {
    const fromFile = pulumiDataInventory(stackResourcesOfRecording(JSON.stringify(previewResources), "preview"), judging);
    expect(fromFile).toEqual(preview);
    const wrapped = pulumiDataInventory(stackResourcesOfRecording(JSON.stringify({ resources: previewResources }), "preview"), judging);
    expect(wrapped).toEqual(preview);
  });
});

describe("`npm run demo -- --inventory`", () => {
  it("prints the Markdown inventory of the recorded program, its unknowns as unknown", () => {
    const md = demoInventoryMarkdown(previewResources, "examples/segments-violations/index.ts");
    expect(md).toMatch(/^# Customer-data inventory: tenants-violations\/dev\n/);
    for (const name of ["tenant-a-db", "tenant-b-db", "tenant-a-documents", "tenant-b-documents"]) expect(md).toContain(name);
    expect(md).toMatch(/0 principals can read tenant-a-documents-\w+ · 0 can write · 0 can manage · 2 unknown/);
  });
});

describe("stack files that are not one", () => {
  const cases: [string, string, RegExp][] = [
    ["not JSON", "{", /^bad\.json: not JSON/],
    ["no deployment", JSON.stringify({ version: 3 }), /^bad\.json: not a `pulumi stack export` file/],
    ["another version", JSON.stringify({ version: 2, deployment: { resources: [] } }), /^bad\.json: deployment version 2; cdguard reads version 3/],
    ["a resource without urn", JSON.stringify({ version: 3, deployment: { resources: [{ type: "x" }] } }), /^bad\.json: deployment\.resources\[0\] is not a resource/],
  ];
  it.each(cases)("%s: names the file and what is wrong", (_, text, message) => {
    expect(() => stackResourcesOfExport(text, "bad.json")).toThrow(StackInputError);
    expect(() => stackResourcesOfExport(text, "bad.json")).toThrow(message);
  });

  it("a recording that is not a list of resources", () => {
    expect(() => stackResourcesOfRecording(JSON.stringify({ version: 3 }), "rec.json")).toThrow(/^rec\.json: not a recorded resource file/);
    expect(() => stackResourcesOfRecording(JSON.stringify([{ urn: "x", type: "t" }]), "rec.json")).toThrow(/^rec\.json: resources\[0\] is not a recorded resource/);
  });

  it("an empty stack has no stores", () => {
    const empty = toStateFile([], { project: "p", stack: "s" });
    const doc = pulumiDataInventory(stackResourcesOfExport(JSON.stringify(empty), "e.json"), judging);
    expect([doc.source.name, doc.stores, doc.access]).toEqual(["p/s", [], []]);
  });
});

describe("settings and redaction", () => {
  it("takes the pack-wide tag keys and classification defaults from the configuration", () => {
    const config = packWideConfig({ "pack-settings": { classificationTagKey: "dc", assumeCustomerData: false } });
    expect(config.tagKeys.classification).toBe("dc");
    expect(config.assumeCustomerData).toBe(false);
  });

  it("redacts long secrets anywhere and short ones only as whole words, in keys too", () => {
    const doc = { a: "owner team-blue-secret-x", b: ["id 42", "CDG-IAM-042"], c: { "team-blue-secret-x": "v" } };
    expect(redacted(doc, ["team-blue-secret-x", "42"])).toEqual({ a: "owner [secret]", b: ["id [secret]", "CDG-IAM-042"], c: { "[secret]": "v" } });
  });
});
