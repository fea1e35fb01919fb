import type { InventoryStore } from "./model";

/** One setting that differs between a stack's store and the live one, both sides in words. */
export interface Difference {
  readonly setting: string;
  readonly stack: string;
  readonly live: string;
}

/** A setting as a comparable word; undefined when it is not known on that side (then it is not drift). */
type Reading = (s: InventoryStore) => string | undefined;

const known = (state: string): string | undefined => (state === "unknown" ? undefined : state);

/** `arn:...:key/<id>` -> `<id>`, `arn:...:alias/<name>` -> `alias/<name>`; ids and aliases as they are. */
export function keyName(key: string): string {
  const m = /^arn:[^:]*:kms:[^:]*:[^:]*:(key\/|alias\/)(.+)$/.exec(key);
  if (!m) return key;
  return m[1] === "key/" ? m[2]! : `alias/${m[2]!}`;
}

const isAlias = (key: string): boolean => key.startsWith("alias/");

const SETTINGS: readonly (readonly [string, Reading])[] = [
  ["encryption", (s) => known(s.encryption.state)],
  ["key manager", (s) => (s.encryption.state === "encrypted" ? s.encryption.keyManager : undefined)],
  ["classification", (s) => (s.classification.basis === "unknown" ? undefined : s.classification.level)],
  ["segment", (s) => (s.segmentState === "unknown" ? undefined : (s.segment ?? "(none)"))],
  ["public", (s) => known(s.exposure.public.state)],
  ["internet path", (s) => known(s.exposure.internetPath.state)],
  ["backups", (s) => known(s.backups.state)],
  ["retention", (s) => known(s.retention.state)],
  // Owner tags are not known when the tags are not (the classification says so).
  ["owner tags", (s) => (s.classification.basis === "unknown" ? undefined : ownerText(s.owner))],
];

function ownerText(owner: Readonly<Record<string, string>>): string {
  const entries = Object.entries(owner).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? "(none)" : entries.map(([k, v]) => `${k}=${v}`).join(", ");
}

/**
 * The settings that differ, in a fixed order. A setting not known on either side is skipped; keys
 * compare by key id or alias (an ARN and a bare id of the same key are the same key), and a key id
 * against an alias is not compared (which key an alias names is not known here).
 */
export function storeDifferences(stack: InventoryStore, live: InventoryStore): Difference[] {
  const out: Difference[] = [];
  for (const [setting, read] of SETTINGS) {
    const a = read(stack);
    const b = read(live);
    if (a !== undefined && b !== undefined && a !== b) out.push({ setting, stack: a, live: b });
    if (setting === "key manager") out.push(...keyDifference(stack, live));
  }
  return out;
}

function keyDifference(stack: InventoryStore, live: InventoryStore): Difference[] {
  if (stack.encryption.state !== "encrypted" || live.encryption.state !== "encrypted") return [];
  const a = stack.encryption.key;
  const b = live.encryption.key;
  if (a === undefined || b === undefined) return [];
  const [na, nb] = [keyName(a), keyName(b)];
  if (isAlias(na) !== isAlias(nb) || na === nb) return [];
  return [{ setting: "key", stack: a, live: b }];
}
