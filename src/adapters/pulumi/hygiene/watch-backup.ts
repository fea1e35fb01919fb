import { isUnknown, unknown, type Unknown, type Val } from "../../../core/value";
import type { DataStore } from "../../../models/data-store";
import type { BackupSelection, Setting } from "../../../models/hygiene";
import type { EngineResource } from "../engine-resource";
import { Props } from "../props";
import { dependenciesAmong, knownStrings, resourceById } from "./watch-values";

export const BACKUP_SELECTION_TYPE = "aws:backup/selection:Selection";
export const BACKUP_PLAN_TYPE = "aws:backup/plan:Plan";

type Tag = { readonly key: string; readonly value: string };

/** The shortest `rules[].lifecycle.deleteAfter` of a plan; "forever" when no rule deletes its recovery points. */
export function planRetention(p: Props): Setting<number | "forever"> | undefined {
  const n = p.count("rules");
  if (isUnknown(n)) return { value: n, observed: "rules not known until the update" };
  if (n === 0) return undefined;
  let shortest: number | undefined;
  for (let i = 0; i < n; i++) {
    const days = p.num(`${p.itemPath("rules", i)}.lifecycle.deleteAfter`);
    if (isUnknown(days)) return { value: days, observed: "lifecycle.deleteAfter not known until the update" };
    if (days !== undefined && days > 0) shortest = Math.min(shortest ?? days, days);
  }
  return shortest === undefined
    ? { value: "forever", observed: `no rule of plan ${p.resource.name} sets lifecycle.deleteAfter` }
    : { value: shortest, observed: `shortest rule lifecycle.deleteAfter=${shortest} days in plan ${p.resource.name}` };
}

/** `*` and `?` in an AWS Backup resource pattern, as a regular expression. */
const patternMatches = (pattern: string, arn: string): boolean =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`).test(arn);

/**
 * `aws:backup/selection:Selection`: the plan (by `planId`'s dependency, else its known id), the
 * resources and tags it selects, and the stores it names (by `resources`' dependencies, else by
 * known ARN). Conditions and `notResources` narrow a selection in ways the model cannot hold: such a
 * selection's resources and tags are not assessed, except the common `*` + one tag condition.
 */
export function adaptBackupSelection(r: EngineResource, plans: readonly EngineResource[], stores: readonly DataStore[]): BackupSelection {
  const p = new Props(r);
  const plan = joinedPlan(p, plans);
  const planId = p.str("planId");
  const retention = plan ? planRetention(new Props(plan)) : isUnknown(planId) ? { value: planId, observed: "planId not known until the update" } : undefined;
  const selected = selectedResources(p);
  const storeUrns = new Set(stores.map((s) => s.ref.id));
  const byValue = isUnknown(selected.resources)
    ? []
    : stores.filter((s) => typeof s.arn === "string" && (selected.resources as readonly string[]).some((pat) => patternMatches(pat, s.arn as string))).map((s) => s.ref.id);
  return {
    model: "backup-selection",
    ref: { id: r.urn, type: r.type, name: r.name, label: "AWS Backup selection" },
    plan: plan?.urn ?? (typeof planId === "string" ? planId : `(plan of ${r.name} not known until the update)`),
    resources: selected.resources,
    resourceRefs: [...new Set([...dependenciesAmong(p, "resources", storeUrns), ...byValue])],
    tags: selected.tags,
    ...(retention ? { retentionDays: retention } : {}),
  };
}

function joinedPlan(p: Props, plans: readonly EngineResource[]): EngineResource | undefined {
  const deps = p.dependenciesOf("planId").filter((u) => plans.some((pl) => pl.urn === u));
  if (deps.length === 1) return plans.find((pl) => pl.urn === deps[0]);
  const id = p.str("planId");
  return typeof id === "string" ? resourceById(id, plans) : undefined;
}

function selectionTags(p: Props): Val<readonly Tag[]> {
  const n = p.count("selectionTags");
  if (isUnknown(n)) return n;
  const tags: Tag[] = [];
  for (let i = 0; i < n; i++) {
    const t = p.itemPath("selectionTags", i);
    const type = p.str(`${t}.type`);
    const key = p.str(`${t}.key`);
    const value = p.str(`${t}.value`);
    if (isUnknown(type)) return type;
    if (isUnknown(key)) return key;
    if (isUnknown(value)) return value;
    if (typeof key === "string" && (type ?? "STRINGEQUALS").toUpperCase() === "STRINGEQUALS") tags.push({ key, value: value ?? "" });
  }
  return tags;
}

/** Every entry of the conditions (v7 `conditions` list, v6 `condition` block). */
function conditionEntries(p: Props): Val<{ kind: string; key: Val<string | undefined>; value: Val<string | undefined> }[]> {
  const out: { kind: string; key: Val<string | undefined>; value: Val<string | undefined> }[] = [];
  for (const root of ["conditions", "condition"]) {
    const n = p.count(root);
    if (isUnknown(n)) return n;
    for (let i = 0; i < n; i++) {
      const c = p.itemPath(root, i);
      for (const kind of ["stringEquals", "stringLikes", "stringNotEquals", "stringNotLikes"]) {
        const m = p.count(`${c}.${kind}`);
        if (isUnknown(m)) return m;
        for (let j = 0; j < m; j++) {
          const e = p.itemPath(`${c}.${kind}`, j);
          out.push({ kind, key: p.str(`${e}.key`), value: p.str(`${e}.value`) });
        }
      }
    }
  }
  return out;
}

function selectedResources(p: Props): { resources: Val<readonly string[]>; tags: Val<readonly Tag[]> } {
  const resources = knownStrings(p, "resources");
  const tags = selectionTags(p);
  const conditions = conditionEntries(p);
  const excluded = knownStrings(p, "notResources");
  if (isUnknown(conditions)) return { resources: conditions, tags: conditions };
  if (isUnknown(excluded)) return { resources: excluded, tags: excluded };
  if (conditions.length === 0 && excluded.length === 0) return { resources, tags };
  const only = conditions[0];
  const tagKey = only && typeof only.key === "string" ? /^aws:ResourceTag\/(.+)$/.exec(only.key)?.[1] : undefined;
  const allResources = !isUnknown(resources) && resources.length > 0 && resources.every((r) => r === "*");
  const noTags = !isUnknown(tags) && tags.length === 0;
  if (conditions.length === 1 && excluded.length === 0 && only?.kind === "stringEquals" && tagKey && allResources && noTags) {
    if (isUnknown(only.value)) return { resources: only.value, tags: only.value };
    return { resources: [], tags: [{ key: tagKey, value: only.value ?? "" }] };
  }
  const why: Unknown = unknown("error", `selection ${p.resource.name} is narrowed by conditions or notResources, which are not assessed`);
  return { resources: why, tags: why };
}
