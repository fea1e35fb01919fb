// The data inventory and access map of a seeded moto account, as `cdguard scan --inventory` builds them: the
// principals that can reach the seeded stores, checked by hand against the seed (test/scanner/seed-account.ts);
// and the shadow stores of that account against a state file that manages only some of it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDataInventory } from "../../src/access/build";
import type { AccessEdge, DataInventory } from "../../src/access/model";
import { inventoryJudging, managingStacks, withShadowStores } from "../../src/cli/inventory-sources";
import { DEFAULT_CONFIG } from "../../src/core/config";
import { pulumiState, pulumiStateText } from "../../src/reports/pulumi-state";
import type { ScanResult } from "../../src/scanner/scan";
import { scanEndpoint } from "../scanner/scan-helpers";
import { seedAccount } from "../scanner/seed-account";
import { useMoto } from "../support/moto/use-moto";

const moto = useMoto();
let result: ScanResult;
let doc: DataInventory;

beforeAll(async () => {
  await seedAccount(moto().endpoint);
  result = await scanEndpoint(moto().endpoint);
  const account = result.identity.account;
  doc = buildDataInventory({
    inventory: result.inventory,
    findings: result.findings,
    config: DEFAULT_CONFIG,
    source: { front: "scan", name: `account ${account}`, accounts: [account] },
    ownAccounts: [account],
  });
}, 300_000);

const storeNamed = (name: string) => {
  const s = doc.stores.find((x) => x.name === name);
  if (!s) throw new Error(`no store ${name} in ${doc.stores.map((x) => x.name).join(", ")}`);
  return s;
};
const principalName = (id: string) => doc.principals.find((p) => p.id === id)?.name ?? id;
const edgesOf = (store: string, level: AccessEdge["level"]) =>
  doc.access.filter((e) => e.store === storeNamed(store).id && e.level === level).map((e) => `${principalName(e.principal)} ${e.status}`).sort();

describe("the access map of a seeded account", () => {
  // Hand-checked against the seed: shared-exports is readable by anyone (bucket policy `Public` and ACL
  // public-read, no Block Public Access); ops-admin holds AdministratorAccess; data-engineer `s3:*` on `*`;
  // auditor ReadOnlyAccess (s3:Get*, dynamodb reads, sqs:Receive*, logs reads; no secret values, no database
  // logins); reporting and seg-a-app read only the tables their inline policies name.
  it("lists exactly who can read, write and manage the public bucket", () => {
    expect(edgesOf("shared-exports", "read")).toEqual(["auditor allowed", "data-engineer allowed", "ops-admin allowed", "the public (anyone) allowed"]);
    expect(edgesOf("shared-exports", "write")).toEqual(["data-engineer allowed", "ops-admin allowed"]);
    expect(edgesOf("shared-exports", "manage")).toEqual(["data-engineer allowed", "ops-admin allowed"]);
    const publicRead = doc.access.find((e) => e.store === storeNamed("shared-exports").id && e.principal === "public" && e.level === "read");
    expect(publicRead?.grants.map((g) => `${g.via} ${g.statement} ${g.actions.join(",")}`)).toEqual(["resource Public s3:GetObject", "acl Grant[0] (all-users) READ"]);
    const store = storeNamed("shared-exports");
    expect(store.exposure.public.state).toBe("yes");
    expect(store.classification).toMatchObject({ level: "confidential", basis: "tag", customerData: true });
    expect(doc.storeSummaries.find((s) => s.store === store.id)).toEqual({ store: store.id, principals: { read: 4, write: 2, manage: 2, unknown: 0 }, public: true });
  });

  it("lists exactly who can reach segment a's database: only the administrator (no other policy grants RDS logins)", () => {
    for (const level of ["read", "write", "manage"] as const) expect(edgesOf("seg-a-accounts", level)).toEqual(["ops-admin allowed"]);
    expect(storeNamed("seg-a-accounts")).toMatchObject({
      kind: "rds-instance",
      segment: "a",
      segmentState: "tagged",
      classification: { level: "restricted", basis: "tag" },
      encryption: { state: "encrypted", keyManager: "customer-managed", keyOwner: "own-account" },
      exposure: { public: { state: "no" }, internetPath: { state: "no" }, crossAccount: [] },
    });
  });

  it("segment a's and b's session tables: the reporting role reads both segments", () => {
    expect(edgesOf("seg-a-sessions", "read")).toEqual(["auditor allowed", "ops-admin allowed", "reporting allowed", "seg-a-app allowed"]);
    expect(edgesOf("seg-b-sessions", "read")).toEqual(["auditor allowed", "ops-admin allowed", "reporting allowed"]);
    expect(doc.principalSummaries.find((p) => principalName(p.principal) === "reporting")?.segments).toEqual(["a", "b"]);
  });

  it("the admin role reaches every store to write and manage it, and every store's data that IAM can read", () => {
    const admin = doc.principals.find((p) => p.name === "ops-admin");
    expect(admin).toMatchObject({ kind: "role", foreign: false });
    const reached = (level: AccessEdge["level"]) => doc.access.filter((e) => e.principal === admin?.id && e.level === level && e.status === "allowed").map((e) => e.store).sort();
    const all = doc.stores.map((s) => s.id).sort();
    expect(reached("write")).toEqual(all);
    expect(reached("manage")).toEqual(all);
    // An instance's and its volumes' data has no IAM read action (it is read from inside the instance).
    expect(reached("read")).toEqual(doc.stores.filter((s) => !["ec2-instance", "ebs-volume"].includes(s.kind)).map((s) => s.id).sort());
    const grant = doc.access.find((e) => e.principal === admin?.id)?.grants[0];
    expect(grant).toMatchObject({ via: "identity", policy: expect.stringContaining("AdministratorAccess") });
    expect(principalName(doc.principalSummaries[0]?.principal ?? "")).toBe("ops-admin");
  });

  it("foreign accounts and the public appear as principals; roles reaching nothing are listed with nothing", () => {
    expect(edgesOf("marketing", "write")).toEqual(["account 999988887777 allowed", "ops-admin allowed"]);
    expect(doc.principals.find((p) => p.id === "account:999988887777")).toMatchObject({ kind: "account", foreign: true });
    expect(storeNamed("marketing").exposure.crossAccount).toEqual(["999988887777"]);
    expect(edgesOf("notifications", "write")).toEqual(["ops-admin allowed", "the public (anyone) allowed"]);
    for (const name of ["open-trust", "partner-access", "partner-access-safe"]) {
      const p = doc.principals.find((x) => x.name === name);
      expect(p).toBeDefined();
      expect(doc.access.filter((e) => e.principal === p?.id)).toEqual([]);
    }
    expect(doc.gaps).toEqual([]);
  });
});

describe("shadow stores of the seeded account", () => {
  it("finds exactly the live stores a state file does not manage, and the managed store whose tags drifted", async () => {
    const state = pulumiState(result);
    const unmanagedNames = ["shared-exports", "seg-b-events", "/app/legacy", "partner-api-token"];
    const managesNot = (r: { type: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> }) =>
      unmanagedNames.some((n) => [r.outputs.bucket, r.outputs.name, r.outputs.id, r.outputs.arn].some((v) => typeof v === "string" && (v === n || v.endsWith(`:${n}`) || v.endsWith(`/${n}`) || v.includes(`:secret:${n}`))));
    state.deployment.resources = state.deployment.resources.filter((r) => !managesNot(r as never));
    // The stack says seg-b-invoices is confidential; the live bucket says restricted.
    const invoices = state.deployment.resources.find((r) => r.outputs.bucket === "seg-b-invoices");
    expect(invoices).toBeDefined();
    for (const props of [invoices!.inputs, invoices!.outputs]) {
      for (const key of ["tags", "tagsAll"]) if (props[key]) props[key] = { ...(props[key] as object), "data-classification": "confidential" };
    }
    const dir = mkdtempSync(join(tmpdir(), "cdg-shadow-"));
    const file = join(dir, "stack.json");
    writeFileSync(file, pulumiStateText(state));
    const stacks = await managingStacks([file], inventoryJudging(undefined), { region: "us-east-1" });
    const shadow = withShadowStores(doc, stacks).shadow;
    const nameOf = (id: string) => doc.stores.find((s) => s.id === id)?.name;
    expect(shadow?.unmanaged.map((u) => nameOf(u.store)).sort()).toEqual([...unmanagedNames].sort());
    expect(shadow?.drifted.map((d) => ({ store: nameOf(d.store), differences: d.differences }))).toEqual([
      { store: "seg-b-invoices", differences: [{ setting: "classification", stack: "confidential", live: "restricted" }] },
    ]);
  });
});
