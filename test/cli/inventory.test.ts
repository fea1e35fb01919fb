// `cdguard inventory` through the built CLI: each source, each format, and every bad input as exit 2 naming it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it, vi } from "vitest";
import type { DataInventory } from "../../src/access/model";
import { resourceOf } from "../../src/engine-client/resource-builder";
import { toStateFile, type StateResourceInput } from "../../src/engine-client/state-file";
import { UNKNOWN } from "../../src/engine-client/wire";
import { REPORT_SCHEMA_VERSION } from "../../src/reports/report";
import reportSchema from "../../src/reports/report.schema.json";
import { SAMPLE_SCAN_REPORT } from "../reports/sample-report";

// Each run starts the CLI (a few seconds on a busy machine).
vi.setConfig({ testTimeout: 60_000 });

const cli = join(__dirname, "..", "..", "dist", "src", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "cdg-inventory-cli-"));
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
const write = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(reportSchema);
const validateInventory = ajv.getSchema(`${reportSchema.$id}#/$defs/dataInventory`)!;

const s = { project: "shop", stack: "prod" };
const bucket = (name: string, classification: string, extra: Record<string, unknown> = {}): StateResourceInput => ({
  ...resourceOf(s, "aws:s3/bucket:Bucket", name, { bucket: name, tags: { "data-classification": classification, "customer-segment": "eu", team: "orders" } }),
  id: name,
  outputs: { bucket: name, arn: `arn:aws:s3:::${name}`, tags: { "data-classification": classification, "customer-segment": "eu", team: "orders" }, ...extra },
});
const reader = resourceOf(s, "aws:iam/role:Role", "reader", {
  name: "reader",
  arn: "arn:aws:iam::111122223333:role/reader",
  assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
  inlinePolicies: [{ name: "read-orders", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "ReadOrders", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetObject"], Resource: ["arn:aws:s3:::orders", "arn:aws:s3:::orders/*"] }] }) }],
});

/** The stack as deployed: two buckets and a role reading one of them. */
const liveExport = write("live.json", JSON.stringify(toStateFile([bucket("orders", "confidential"), bucket("exports", "restricted"), reader], s)));
/** The stack file `--managed-by` compares with: it manages `orders` only, and says it is restricted. */
const managingExport = write("managing.json", JSON.stringify(toStateFile([bucket("orders", "restricted")], s)));

function stackInventory(file: string): DataInventory {
  const r = run(["inventory", "--stack-export", file]);
  expect([r.status, r.stderr]).toEqual([0, ""]);
  return JSON.parse(r.stdout) as DataInventory;
}

const errorOf = (args: string[]): [number | null, string] => {
  const r = run(args);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return [r.status, r.stderr];
};

describe("cdguard inventory --stack-export", () => {
  it("prints the stack's inventory as JSON, valid against the report schema's dataInventory section", () => {
    const doc = stackInventory(liveExport);
    expect(validateInventory(doc), JSON.stringify(validateInventory.errors)).toBe(true);
    expect(doc.source).toEqual({ front: "pulumi", name: "shop/prod", accounts: ["111122223333"] });
    expect(doc.stores.map((st) => [st.name, st.classification.level, st.segment, st.owner])).toEqual([
      ["exports", "restricted", "eu", { team: "orders" }],
      ["orders", "confidential", "eu", { team: "orders" }],
    ]);
    const reads = doc.access.filter((e) => e.principal.endsWith("::reader")).map((e) => [e.store.split("::").pop(), e.level, e.status, e.grants[0]?.statement]);
    expect(reads).toEqual([["orders", "read", "allowed", "ReadOrders"]]);
  });
});

describe("cdguard inventory --resources", () => {
  it("keeps a preview's unknowns unknown", () => {
    // Tags computed from another resource's output: unknown with a dependency (an unknown without one is a provider default).
    const tagSource = resourceOf(s, "aws:kms/key:Key", "tag-source", {});
    const previewBucket = { ...resourceOf(s, "aws:s3/bucket:Bucket", "orders", {}, { propertyDependencies: { tags: [tagSource.urn] } }), outputs: { bucket: UNKNOWN, arn: UNKNOWN, tags: UNKNOWN } };
    const file = write("preview.json", JSON.stringify([tagSource, previewBucket]));
    const r = run(["inventory", "--resources", file]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    const doc = JSON.parse(r.stdout) as DataInventory;
    expect(doc.stores.map((st) => [st.id, st.classification.basis, st.classification.customerData, st.segmentState])).toEqual([[previewBucket.urn, "unknown", "unknown", "unknown"]]);
    expect(validateInventory(doc), JSON.stringify(validateInventory.errors)).toBe(true);
  });
});

describe("cdguard inventory --from", () => {
  const section = { ...stackInventoryOnce(), source: { front: "scan" as const, name: "account 111122223333", accounts: ["111122223333"] } };
  const withSection = write("scan.json", JSON.stringify({ ...SAMPLE_SCAN_REPORT, schemaVersion: REPORT_SCHEMA_VERSION, dataInventory: section }));
  const without = write("plain.json", JSON.stringify(SAMPLE_SCAN_REPORT));

  it("writes every format, each beside --out with its extension", () => {
    const out = join(dir, "all", "inventory");
    const r = run(["inventory", "--from", withSection, "--format", "json,html,csv,markdown", "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^cdguard inventory: 2 store\(s\) \(2 customer data\), \d+ principal\(s\), \d+ access edge\(s\), \d+ gap\(s\); wrote .*inventory\.json, .*inventory\.html, .*inventory\.csv, .*inventory\.md\n$/);
    expect(readdirSync(join(dir, "all")).sort()).toEqual(["inventory.csv", "inventory.html", "inventory.json", "inventory.md"]);
    expect(JSON.parse(readFileSync(`${out}.json`, "utf8"))).toEqual(section);
    expect(readFileSync(`${out}.html`, "utf8")).toMatch(/^<!DOCTYPE html>/i);
    expect(readFileSync(`${out}.csv`, "utf8")).toContain("orders");
    expect(readFileSync(`${out}.md`, "utf8")).toContain("orders");
  });

  it("with --managed-by: the live stores no stack manages, and those whose settings differ from the stack's", () => {
    const r = run(["inventory", "--from", withSection, "--managed-by", managingExport]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    const doc = JSON.parse(r.stdout) as DataInventory;
    const exports = section.stores.find((st) => st.name === "exports")!.id;
    const orders = section.stores.find((st) => st.name === "orders")!.id;
    expect(doc.shadow?.stateFiles).toEqual([managingExport]);
    expect(doc.shadow?.unmanaged).toEqual([{ store: exports }]);
    expect(doc.shadow?.drifted.map((d) => [d.store, d.stateFile, d.differences.find((x) => x.setting.startsWith("classification"))])).toEqual([
      [orders, managingExport, expect.objectContaining({ stack: expect.stringContaining("restricted") as string, live: expect.stringContaining("confidential") as string })],
    ]);
    expect(validateInventory(doc), JSON.stringify(validateInventory.errors)).toBe(true);
  });

  it("a report without a data inventory: exit 2, saying how to make one", () => {
    expect(errorOf(["inventory", "--from", without])).toEqual([2, `cdguard: --from ${without}: the report has no data inventory; run \`cdguard scan --inventory\` (or \`cdguard merge --inventory\`) to write one\n`]);
  });
});

describe("bad input: exit 2, naming the input and what is wrong, no stack trace", () => {
  const cases: [string, string[], RegExp][] = [
    ["no source", ["inventory"], /give exactly one source: --from <report>, --stack-export <file> or --resources <file>\n$/],
    ["two sources", ["inventory", "--from", "a.json", "--stack-export", "b.json"], /give exactly one source.*\(got --from and --stack-export\)/],
    ["a missing report", ["inventory", "--from", join(dir, "nope.json")], new RegExp(`--from .*nope\\.json.*(no such file|ENOENT)`)],
    ["a missing stack export", ["inventory", "--stack-export", join(dir, "gone.json")], new RegExp(`--stack-export .*gone\\.json: no such file`)],
    ["a report that is not JSON", ["inventory", "--from", join(dir, "broken.json")], /--from .*broken\.json: not JSON/],
    ["a stack export that is not one", ["inventory", "--stack-export", join(dir, "broken.json")], /--stack-export .*broken\.json: not JSON/],
    ["--managed-by without --from", ["inventory", "--stack-export", "x.json", "--managed-by", "y.json"], /--managed-by: only with --from/],
    ["an unknown format", ["inventory", "--stack-export", "x.json", "--format", "sarif"], /--format: 'sarif' is not an inventory format; choose from json, html, csv, markdown/],
    ["several formats to stdout", ["inventory", "--stack-export", "x.json", "--format", "json,csv"], /several formats need --out/],
    ["a missing --managed-by file", ["inventory", "--from", join(dir, "scan.json"), "--managed-by", join(dir, "absent.json")], /--managed-by .*absent\.json: no such file/],
  ];
  writeFileSync(join(dir, "broken.json"), "{");
  it.each(cases)("%s", (_, args, message) => {
    const [status, stderr] = errorOf(args);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  });
});

function stackInventoryOnce(): DataInventory {
  return stackInventory(liveExport);
}
