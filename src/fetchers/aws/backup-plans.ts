import {
  BackupClient,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  paginateListBackupPlans,
  paginateListBackupSelections,
  type BackupPlan,
  type BackupPlansListMember,
  type BackupSelection,
} from "@aws-sdk/client-backup";
import type { FetchContext } from "./context";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface BackupSelectionAnswer {
  readonly selectionId: string;
  /** GetBackupSelection: Resources, ListOfTags, NotResources, Conditions. */
  readonly selection: Fetched<BackupSelection | undefined>;
}

export interface BackupPlanAnswer {
  /** From ListBackupPlans: BackupPlanId, BackupPlanArn, BackupPlanName. */
  readonly listed: BackupPlansListMember;
  /** GetBackupPlan: its rules and their lifecycles. */
  readonly plan: Fetched<BackupPlan | undefined>;
  readonly selections: Fetched<BackupSelectionAnswer[]>;
}

export interface BackupPlanAnswers {
  readonly region: string;
  readonly plans: Fetched<BackupPlanAnswer[]>;
}

export const backupPlansFetcher: Fetcher<BackupPlanAnswers> = {
  name: "backup-plans",
  service: "backup",
  scope: "region",
  actions: ["backup:ListBackupPlans", "backup:GetBackupPlan", "backup:ListBackupSelections", "backup:GetBackupSelection"],
  async fetch(ctx) {
    const client = ctx.client(BackupClient, "backup");
    const listed = await ctx.listAll(
      "backup:ListBackupPlans",
      () => paginateListBackupPlans({ client }, {}),
      (page) => page.BackupPlansList,
    );
    const plans = await eachListed(
      listed.ok ? { ok: true, value: listed.value.filter((p) => p.BackupPlanId) } : listed,
      (p) => fetchPlan(ctx, client, p),
    );
    return { region: ctx.region, plans };
  },
};

async function fetchPlan(ctx: FetchContext, client: BackupClient, listed: BackupPlansListMember): Promise<BackupPlanAnswer> {
  const planId = listed.BackupPlanId as string;
  const [plan, ids] = await Promise.all([
    ctx.attempt("backup:GetBackupPlan", async () => (await client.send(new GetBackupPlanCommand({ BackupPlanId: planId }))).BackupPlan),
    ctx.listAll(
      "backup:ListBackupSelections",
      () => paginateListBackupSelections({ client }, { BackupPlanId: planId }),
      (page) => page.BackupSelectionsList?.flatMap((s) => (s.SelectionId ? [s.SelectionId] : [])),
    ),
  ]);
  const selections = await eachListed(ids, async (selectionId): Promise<BackupSelectionAnswer> => ({
    selectionId,
    selection: await ctx.attempt("backup:GetBackupSelection", async () => (await client.send(new GetBackupSelectionCommand({ BackupPlanId: planId, SelectionId: selectionId }))).BackupSelection),
  }));
  return { listed, plan, selections };
}
