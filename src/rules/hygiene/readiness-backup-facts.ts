import type { Tags } from "../../core/classification";
import { describe } from "../../core/outcome";
import { firstUnknown, isUnknown, unknown, type Unknown, type Val } from "../../core/value";
import type { DataStore, StoreKind } from "../../models/data-store";
import type { BackupSelection } from "../../models/hygiene";
import { STORE_KIND_FACTS } from "../../models/store-kind-facts";
import { globMatches } from "../../iam/wildcard";
import { days } from "./readiness-facts";

/** Whether something holds, with what was found (for messages) or why it is not known. */
export interface Check {
  readonly holds: boolean | Unknown;
  readonly text: string;
  /** Set when a backup selection selects the store (whatever its retention). */
  readonly selects?: true;
}

const selectionName = (s: BackupSelection): string => `${describe(s.ref)} of backup plan '${s.plan}'`;

/** The store's ARN: the front's `arn`, else its model id when that is an ARN (the scanner's ids). */
function arnOf(store: DataStore): Val<string | undefined> {
  const arn = store.arn;
  if (typeof arn === "string" || isUnknown(arn)) return arn;
  return store.ref.id.startsWith("arn:") ? store.ref.id : undefined;
}

/** A pattern whose service is written out and is not the store's cannot select it, whatever its ARN. */
function mayName(pattern: string, kind: StoreKind): boolean {
  const service = pattern.split(":")[2];
  const own = (STORE_KIND_FACTS as Partial<Record<string, { arnService?: string }>>)[kind]?.arnService;
  return service === undefined || own === undefined || service.includes("*") || service === own;
}

function byResources(s: BackupSelection, store: DataStore): Val<boolean> {
  if (isUnknown(s.resources)) return s.resources;
  if (s.resources.includes("*")) return true;
  const candidates = s.resources.filter((p) => mayName(p, store.kind));
  if (candidates.length === 0) return false;
  const arn = arnOf(store);
  if (isUnknown(arn)) return arn;
  if (arn === undefined) return unknown("not-fetched", `the ARN of ${describe(store.ref)} is not known`);
  return candidates.some((p) => globMatches(p, arn, false));
}

function byTags(s: BackupSelection, tags: Val<Tags | undefined>): Val<boolean> {
  if (isUnknown(s.tags)) return s.tags;
  if (s.tags.length === 0) return false;
  if (isUnknown(tags)) return tags;
  return s.tags.some((t) => tags?.[t.key] === t.value);
}

/** Whether the selection covers the store: by reference (preview), by ARN pattern or by tag (either is enough). */
export function selects(s: BackupSelection, store: DataStore): Val<boolean> {
  if (s.resourceRefs.includes(store.ref.id)) return true;
  const ways = [byResources(s, store), byTags(s, store.tags)];
  if (ways.includes(true)) return true;
  return firstUnknown(...ways) ?? false;
}

/** Whether a selection covering the store keeps recovery points at least `min` days. */
export function selectionKeeps(s: BackupSelection, store: DataStore, min: number): Check {
  const who = selectionName(s);
  const covered = selects(s, store);
  if (isUnknown(covered)) return { holds: covered, text: `whether ${who} selects ${describe(store.ref)}` };
  if (!covered) return { holds: false, text: `${who} does not select it` };
  const retention = s.retentionDays;
  if (retention === undefined) return { holds: unknown("not-fetched", "the plan's rules are not part of this view"), text: `the retention of ${who}` };
  if (isUnknown(retention.value)) return { holds: retention.value, text: `the retention of ${who} (${retention.observed})` };
  if (retention.value === "forever" || retention.value >= min) {
    const kept = retention.value === "forever" ? "never deletes its recovery points" : `keeps recovery points ${days(retention.value)}`;
    return { holds: true, selects: true, text: `${who} selects it and ${kept} (${retention.observed})` };
  }
  return { holds: false, selects: true, text: `${who} keeps recovery points only ${days(retention.value)} (${retention.observed})` };
}
