// The inventory page stays usable when one store has many principals (an administrator reaches every store):
// each section shows HTML_ROW_LIMIT rows, the public and other accounts first, and says how many more there are.
import { describe, expect, it } from "vitest";
import type { AccessPrincipal, DataInventory } from "../../src/access/model";
import { renderInventory } from "../../src/reports/inventory";
import { HTML_ROW_LIMIT } from "../../src/reports/inventory/html-sections";
import { FOREIGN, manyPrincipalsInventory } from "./inventory-fixture";

const rowsOf = (page: string, attribute: "data-principal" | "data-store") => [...page.matchAll(new RegExp(`<tr ${attribute}="([^"]+)"`, "g"))].map((m) => m[1]);

describe("inventory HTML row limit", () => {
  it("shows at most the limit per store, with the count of the rest, and every row up to the limit", () => {
    const page = renderInventory(manyPrincipalsInventory(HTML_ROW_LIMIT + 10), "html");
    expect(rowsOf(page, "data-principal")).toHaveLength(HTML_ROW_LIMIT);
    expect(page).toContain("… and 10 more (the CSV and JSON outputs list every one)");
    const exactly = renderInventory(manyPrincipalsInventory(HTML_ROW_LIMIT), "html");
    expect(rowsOf(exactly, "data-principal")).toHaveLength(HTML_ROW_LIMIT);
    expect(exactly).not.toContain("more (the CSV");
  });

  it("puts the public and foreign accounts first, whatever their place in the document", () => {
    const base = manyPrincipalsInventory(HTML_ROW_LIMIT + 5);
    const store = base.stores[0]!.id;
    const extra: AccessPrincipal[] = [
      { id: `account:${FOREIGN}`, kind: "account", name: `account ${FOREIGN}`, account: FOREIGN, foreign: true },
      { id: "public", kind: "public", name: "the public (anyone)", foreign: false },
    ];
    const grant = base.access[0]!.grants;
    const doc: DataInventory = {
      ...base,
      principals: [...base.principals, ...extra],
      access: [...base.access, ...extra.map((p) => ({ principal: p.id, store, level: "read" as const, status: "allowed" as const, grants: grant, limits: [] }))],
    };
    const rows = rowsOf(renderInventory(doc, "html"), "data-principal");
    expect(rows.slice(0, 2)).toEqual(["public", `account:${FOREIGN}`]);
    expect(rows).toHaveLength(HTML_ROW_LIMIT);
  });
});
