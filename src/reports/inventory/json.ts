import type { DataInventory } from "../../access/model";

// The key order of each object as src/access/model.ts declares it, so the bytes do not depend on how the
// builder happened to assemble the objects. A key the contract does not name keeps its place after these.
interface Shape {
  readonly keys: readonly string[];
  readonly nested?: Readonly<Record<string, Shape>>;
}

const FACT: Shape = { keys: ["state", "detail"] };
const COUNTS: Shape = { keys: ["read", "write", "manage", "unknown"] };
const GRANT: Shape = { keys: ["via", "policy", "statement", "actions", "actionCount", "conditions"] };
const LIMIT: Shape = { keys: ["kind", "policy", "statement", "unconditional", "conditions"] };

const DOCUMENT: Shape = {
  keys: ["source", "stores", "principals", "access", "storeSummaries", "principalSummaries", "gaps", "shadow"],
  nested: {
    source: { keys: ["front", "name", "accounts"] },
    stores: {
      keys: ["id", "kind", "label", "name", "arn", "account", "region", "classification", "segment", "segmentState", "encryption", "exposure", "backups", "retention", "owner"],
      nested: {
        classification: { keys: ["level", "basis", "customerData", "detail"] },
        encryption: { keys: ["state", "keyManager", "key", "keyOwner", "detail"] },
        exposure: { keys: ["public", "internetPath", "crossAccount"], nested: { public: FACT, internetPath: FACT } },
        backups: FACT,
        retention: FACT,
      },
    },
    principals: { keys: ["id", "kind", "name", "arn", "account", "foreign"] },
    access: { keys: ["principal", "store", "level", "status", "grants", "limits", "reason"], nested: { grants: GRANT, limits: LIMIT } },
    storeSummaries: { keys: ["store", "principals", "public"], nested: { principals: COUNTS } },
    principalSummaries: { keys: ["principal", "stores", "customerDataStores", "segments"], nested: { stores: COUNTS } },
    gaps: { keys: ["subject", "reason"] },
    shadow: {
      keys: ["stateFiles", "unmanaged", "drifted"],
      nested: {
        unmanaged: { keys: ["store"] },
        drifted: { keys: ["store", "urn", "stateFile", "differences"], nested: { differences: { keys: ["setting", "stack", "live"] } } },
      },
    },
  },
};

function ordered(value: unknown, shape: Shape | undefined): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => ordered(item, shape));
  if (shape === undefined || value === null || typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of shape.keys) if (key in source) out[key] = ordered(source[key], shape.nested?.[key]);
  for (const key of Object.keys(source)) if (!(key in out)) out[key] = source[key];
  return out;
}

/** The document as is: 2-space indented, keys in the contract's order, a trailing newline. */
export function renderInventoryJson(doc: DataInventory): string {
  return `${JSON.stringify(ordered(doc, DOCUMENT), null, 2)}\n`;
}
