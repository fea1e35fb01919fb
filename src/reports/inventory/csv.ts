import { stringify } from "csv-stringify/sync";
import type { AccessEdge, AccessPrincipal, DataInventory, InventoryStore } from "../../access/model";
import { actionsText, classificationText, customerDataText, indexInventory, limitText, segmentText } from "./describe";

type Row = readonly string[];

export const INVENTORY_CSV_HEADER = [
  "store_id",
  "store_name",
  "store_kind",
  "classification",
  "customer_data",
  "segment",
  "principal_id",
  "principal_name",
  "principal_kind",
  "foreign",
  "level",
  "status",
  "reason",
  "policy",
  "statement",
  "actions",
  "conditions",
  "limits",
] as const;

type Column = (typeof INVENTORY_CSV_HEADER)[number];

function storeCells(store: InventoryStore): Partial<Record<Column, string>> {
  return {
    store_id: store.id,
    store_name: store.name,
    store_kind: store.kind,
    classification: classificationText(store),
    customer_data: customerDataText(store),
    segment: segmentText(store),
  };
}

/** Several grants (or limits) of one edge share a cell, separated by "; " in the same order in every column. */
function edgeCells(edge: AccessEdge): Partial<Record<Column, string>> {
  return {
    level: edge.level,
    status: edge.status,
    reason: edge.reason ?? "",
    policy: edge.grants.map((g) => g.policy).join("; "),
    statement: edge.grants.map((g) => g.statement).join("; "),
    actions: edge.grants.map(actionsText).join("; "),
    conditions: edge.grants.map((g) => g.conditions.join(", ")).join("; "),
    limits: edge.limits.map(limitText).join("; "),
  };
}

function principalCells(edge: AccessEdge, principal: AccessPrincipal | undefined): Partial<Record<Column, string>> {
  return {
    principal_id: edge.principal,
    principal_name: principal?.name ?? edge.principal,
    principal_kind: principal?.kind ?? "unknown",
    foreign: principal ? (principal.foreign ? "yes" : "no") : "unknown",
  };
}

function row(cells: Partial<Record<Column, string>>): Row {
  return INVENTORY_CSV_HEADER.map((c) => cells[c] ?? "");
}

/**
 * One row per access edge, in the document's order (store, principal, level); a store nothing reaches
 * still gets one row, its principal columns empty. RFC 4180 and formula-safe like the report's CSV.
 */
export function renderInventoryCsv(doc: DataInventory): string {
  const index = indexInventory(doc);
  const rows: Row[] = [];
  const known = new Set(doc.stores.map((s) => s.id));
  for (const store of doc.stores) {
    const edges = index.edgesOfStore(store.id);
    if (edges.length === 0) rows.push(row(storeCells(store)));
    for (const edge of edges) {
      rows.push(row({ ...storeCells(store), ...principalCells(edge, index.principal(edge.principal)), ...edgeCells(edge) }));
    }
  }
  // An edge to a store the document does not list is still access someone has: keep it, store id only.
  for (const edge of doc.access.filter((e) => !known.has(e.store))) {
    rows.push(row({ store_id: edge.store, ...principalCells(edge, index.principal(edge.principal)), ...edgeCells(edge) }));
  }
  return stringify([[...INVENTORY_CSV_HEADER], ...rows], {
    record_delimiter: "windows",
    quoted_match: /[\r\n]/,
    escape_formulas: true,
  });
}
