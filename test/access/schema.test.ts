import { describe, expect, it } from "vitest";
import { ACCESS_LEVELS, type DataInventory } from "../../src/access/model";
import { shadowStores } from "../../src/access/shadow";
import { CLASSIFICATION_LEVELS } from "../../src/core/classification-levels";
import { STORE_KINDS } from "../../src/models/data-store";
import { buildReport } from "../../src/reports/canonical";
import { parseReport, ReportInputError } from "../../src/reports/read-report";
import { REPORT_SCHEMA_VERSION } from "../../src/reports/report";
import reportSchema from "../../src/reports/report.schema.json";
import { SAMPLE_SCAN_REPORT } from "../reports/sample-report";
import { built, EXPORTS, SESSIONS } from "./build-fixtures";

const withInventory = (dataInventory: unknown): string => JSON.stringify({ ...SAMPLE_SCAN_REPORT, dataInventory });

function withShadow(doc: DataInventory): DataInventory {
  const stack = { file: "stack.json", inventory: { ...doc, stores: doc.stores.filter((s) => s.id === EXPORTS).map((s) => ({ ...s, id: "urn:exports", retention: { state: "yes" as const, detail: "" } })) } };
  return { ...doc, shadow: shadowStores(doc, [stack]) };
}

describe("report schema: dataInventory", () => {
  it("is an additive minor version: 2.2", () => {
    expect(REPORT_SCHEMA_VERSION).toBe("2.2");
  });

  it("accepts a built inventory, with shadow stores", () => {
    const doc = withShadow(built());
    expect(doc.shadow?.drifted).toHaveLength(0);
    expect(doc.shadow?.unmanaged.length).toBe(doc.stores.length - 1);
    const report = parseReport(withInventory(doc), "inv.json");
    expect(report.dataInventory?.stores.map((s) => s.id)).toEqual(doc.stores.map((s) => s.id));
  });

  it("still reads a 2.1 report without an inventory", () => {
    expect(parseReport(JSON.stringify({ ...SAMPLE_SCAN_REPORT, schemaVersion: "2.1" }), "old.json").dataInventory).toBeUndefined();
  });

  it.each<[string, (d: Record<string, unknown>) => unknown, RegExp]>([
    ["an unknown level", (d) => ({ ...d, access: [{ ...(d.access as object[])[0], level: "admin" }] }), /\/dataInventory\/access\/0\/level must be equal to one of the allowed values: "read", "write", "manage"/],
    ["an unknown edge status", (d) => ({ ...d, access: [{ ...(d.access as object[])[0], status: "maybe" }] }), /\/dataInventory\/access\/0\/status must be equal to one of the allowed values/],
    ["a fact state", (d) => ({ ...d, stores: [{ ...(d.stores as Record<string, unknown>[])[0], backups: { state: "perhaps", detail: "" } }] }), /\/dataInventory\/stores\/0\/backups\/state must be equal to one of the allowed values: "yes", "no", "unknown"/],
    ["an unknown store kind", (d) => ({ ...d, stores: [{ ...(d.stores as Record<string, unknown>[])[0], kind: "floppy-disk" }] }), /\/dataInventory\/stores\/0\/kind must be equal to one of the allowed values/],
    ["an extra property", (d) => ({ ...d, stores: [{ ...(d.stores as Record<string, unknown>[])[0], secret: "x" }] }), /\/dataInventory\/stores\/0 must NOT have additional properties \('secret'\)/],
    ["a missing summary", (d) => ({ ...d, storeSummaries: undefined }), /\/dataInventory must have required property 'storeSummaries'/],
    ["a key owner that is no account", (d) => ({ ...d, stores: [{ ...(d.stores as Record<string, unknown>[])[0], encryption: { state: "encrypted", keyOwner: "someone", detail: "" } }] }), /\/dataInventory\/stores\/0\/encryption\/keyOwner must match pattern/],
  ])("refuses %s with the place in the document", (_name, corrupt, message) => {
    const doc = JSON.parse(JSON.stringify(built())) as Record<string, unknown>;
    const text = withInventory(corrupt(doc));
    expect(() => parseReport(text, "bad.json")).toThrow(ReportInputError);
    expect(() => parseReport(text, "bad.json")).toThrow(message);
  });

  it("enums follow the code's lists", () => {
    const defs = (reportSchema as unknown as { $defs: Record<string, { properties: Record<string, { enum?: unknown[]; properties?: Record<string, { enum?: unknown[] }> }> ; enum?: unknown[] }> }).$defs;
    expect(defs.inventoryStore!.properties.kind!.enum).toEqual([...STORE_KINDS]);
    expect(defs.inventoryStore!.properties.classification!.properties!.level!.enum).toEqual([...CLASSIFICATION_LEVELS]);
    expect(defs.accessLevel!.enum).toEqual([...ACCESS_LEVELS]);
  });

  it("the built document is plain JSON: it survives a round trip unchanged", () => {
    const doc = built();
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(doc.stores.find((s) => s.id === SESSIONS)).toBeDefined();
  });

  it("buildReport includes the inventory when given, and leaves it out otherwise", () => {
    const input = {
      tool: { name: "cdguard", version: "0.0.0" },
      scope: { front: "aws" as const, accounts: ["111111111111"], regions: ["us-east-1"], regionsNotEnabled: [] },
      startedAt: "2026-11-30T10:00:00.000Z",
      finishedAt: "2026-11-30T10:00:42.000Z",
      rules: [],
      findings: [],
    };
    const doc = built();
    const report = buildReport({ ...input, dataInventory: doc });
    expect(report.dataInventory).toBe(doc);
    expect(parseReport(JSON.stringify(report), "r.json").dataInventory).toEqual(doc);
    expect("dataInventory" in buildReport(input)).toBe(false);
  });
});
