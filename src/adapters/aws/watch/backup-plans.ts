import type { BackupPlan, BackupSelection as SdkSelection } from "@aws-sdk/client-backup";
import { unknown, type Val } from "../../../core/value";
import type { BackupPlanAnswer, BackupPlanAnswers, BackupSelectionAnswer } from "../../../fetchers/aws/backup-plans";
import type { BackupSelection, Setting } from "../../../models/hygiene";
import type { AdaptContext } from "../context";
import type { CoverageGap, InventoryContribution } from "../contribution";
import { gapOf, unknownOf } from "../fetched";
import { arnOf, awsRef } from "../refs";
import { notModelled } from "./settings";

type Tag = { readonly key: string; readonly value: string };

/** The plan's shortest rule retention (Lifecycle.DeleteAfterDays); "forever" when no rule deletes. */
export function planRetention(plan: BackupPlan | undefined, name: string): Setting<number | "forever"> | undefined {
  const rules = plan?.Rules ?? [];
  if (rules.length === 0) return undefined;
  const days = rules.flatMap((r) => (r.Lifecycle?.DeleteAfterDays && r.Lifecycle.DeleteAfterDays > 0 ? [r.Lifecycle.DeleteAfterDays] : []));
  if (days.length === 0) return { value: "forever", observed: `no rule of plan ${name} sets Lifecycle.DeleteAfterDays` };
  const shortest = Math.min(...days);
  return { value: shortest, observed: `shortest rule Lifecycle.DeleteAfterDays=${shortest} days in plan ${name}` };
}

/**
 * What a selection selects: its resources and tags. Conditions and NotResources narrow it in ways the
 * model cannot hold (not assessed), except the common `*` + one tag condition, which is that tag.
 */
function selected(s: SdkSelection, name: string): { resources: Val<readonly string[]>; tags: Val<readonly Tag[]> } {
  const resources = s.Resources ?? [];
  const tags: Tag[] = (s.ListOfTags ?? []).flatMap((t) => (t.ConditionKey && (t.ConditionType ?? "STRINGEQUALS") === "STRINGEQUALS" ? [{ key: t.ConditionKey, value: t.ConditionValue ?? "" }] : []));
  const c = s.Conditions;
  const conditions = [
    ...(c?.StringEquals ?? []).map((e) => ({ kind: "equals", e })),
    ...[...(c?.StringLike ?? []), ...(c?.StringNotEquals ?? []), ...(c?.StringNotLike ?? [])].map((e) => ({ kind: "other", e })),
  ];
  const excluded = s.NotResources ?? [];
  if (conditions.length === 0 && excluded.length === 0) return { resources, tags };
  const only = conditions[0];
  const tagKey = only?.e.ConditionKey ? /^aws:ResourceTag\/(.+)$/.exec(only.e.ConditionKey)?.[1] : undefined;
  if (conditions.length === 1 && only?.kind === "equals" && tagKey && excluded.length === 0 && tags.length === 0 && resources.length > 0 && resources.every((r) => r === "*")) {
    return { resources: [], tags: [{ key: tagKey, value: only.e.ConditionValue ?? "" }] };
  }
  const why = notModelled(`selection ${name} is narrowed by Conditions or NotResources`);
  return { resources: why, tags: why };
}

function adaptSelection(a: BackupSelectionAnswer, p: BackupPlanAnswer, ctx: AdaptContext, region: string): BackupSelection {
  const planId = p.listed.BackupPlanId as string;
  const planArn = p.listed.BackupPlanArn ?? arnOf(ctx.partition, "backup", region, ctx.account, `backup-plan:${planId}`);
  const planName = p.listed.BackupPlanName ?? planId;
  const name = (a.selection.ok ? a.selection.value?.SelectionName : undefined) ?? a.selectionId;
  const what = a.selection.ok
    ? a.selection.value
      ? selected(a.selection.value, name)
      : { resources: unknown("error", `GetBackupSelection returned no selection for ${a.selectionId}`), tags: [] }
    : { resources: unknownOf(a.selection.failure), tags: unknownOf(a.selection.failure) };
  const retention = p.plan.ok ? planRetention(p.plan.value, planName) : { value: unknownOf(p.plan.failure), observed: "GetBackupPlan did not answer" };
  return {
    model: "backup-selection",
    ref: awsRef(`${planArn}/selection/${a.selectionId}`, "AWS::Backup::BackupSelection", name, "AWS Backup selection", ctx.account, region),
    plan: planArn,
    resources: what.resources,
    // Scanner model ids are ARNs: the ARNs in `resources` already name the stores.
    resourceRefs: [],
    tags: what.tags,
    ...(retention ? { retentionDays: retention } : {}),
  };
}

/** One region's backup plans' selections, with each plan's shortest retention. */
export function adaptBackupPlans(raw: BackupPlanAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.plans.ok) return { gaps: [gapOf(raw.plans.failure, "AWS Backup plans")] };
  const gaps: CoverageGap[] = [];
  const backupSelections: BackupSelection[] = [];
  for (const p of raw.plans.value) {
    if (!p.selections.ok) gaps.push(gapOf(p.selections.failure, `AWS Backup selections of plan ${p.listed.BackupPlanName ?? p.listed.BackupPlanId ?? ""}`));
    else backupSelections.push(...p.selections.value.map((s) => adaptSelection(s, p, ctx, raw.region)));
  }
  return { hygiene: { backupSelections }, ...(gaps.length > 0 ? { gaps } : {}) };
}
