import { describe, expect, it } from "vitest";
import type { DataInventory } from "../../src/access/model";
import { INVENTORY_EXTENSIONS, INVENTORY_FORMATS, isInventoryFormat, renderInventory } from "../../src/reports/inventory";
import { INVENTORY } from "./inventory-fixture";

/** The same value with every object's keys in reverse order, but for `owner`: its tags' order is data. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, k === "owner" ? v : reversedKeys(v)]));
}

describe("inventory JSON", () => {
  const json = renderInventory(INVENTORY, "json");

  it("round-trips to the document, 2-space indented with a trailing newline", () => {
    expect(JSON.parse(json)).toEqual(INVENTORY);
    expect(json).toBe(`${JSON.stringify(INVENTORY, null, 2)}\n`);
  });

  it("writes keys in the contract's order whatever order the builder used", () => {
    const shuffled = reversedKeys(INVENTORY) as DataInventory;
    expect(Object.keys(shuffled)[0]).toBe("shadow");
    expect(renderInventory(shuffled, "json")).toBe(json);
  });

  it("keeps a key the contract does not name, after the named ones", () => {
    const extended = { ...INVENTORY, extra: 1 } as DataInventory;
    expect(Object.keys(JSON.parse(renderInventory(extended, "json")))).toEqual(["source", "stores", "principals", "access", "storeSummaries", "principalSummaries", "gaps", "shadow", "extra"]);
  });
});

describe("inventory formats", () => {
  it("names each format's extension and renders every format", () => {
    expect(INVENTORY_FORMATS).toEqual(["json", "html", "csv", "markdown"]);
    expect(INVENTORY_EXTENSIONS).toEqual({ json: ".json", html: ".html", csv: ".csv", markdown: ".md" });
    expect(isInventoryFormat("markdown")).toBe(true);
    expect(isInventoryFormat("sarif")).toBe(false);
    for (const format of INVENTORY_FORMATS) {
      const out = renderInventory(INVENTORY, format);
      expect(out).toBe(renderInventory(INVENTORY, format));
      expect(out.length).toBeGreaterThan(0);
    }
  });
});
