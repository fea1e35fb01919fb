import {
  BackupClient,
  GetBackupVaultAccessPolicyCommand,
  paginateListBackupVaults,
  paginateListTags,
  ResourceNotFoundException,
  type BackupVaultListMember,
} from "@aws-sdk/client-backup";
import type { FetchContext } from "./context";
import type { Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface BackupVaultAnswers {
  /** From ListBackupVaults: name, ARN, VaultType, EncryptionKeyArn. */
  readonly vault: BackupVaultListMember;
  /** The access policy document; undefined when the vault has none. */
  readonly policy: Fetched<string | undefined>;
  readonly tags: Fetched<Record<string, string>>;
}

export interface BackupAnswers {
  readonly region: string;
  readonly vaults: Fetched<BackupVaultAnswers[]>;
}

export const backupFetcher: Fetcher<BackupAnswers> = {
  name: "backup-vaults",
  service: "backup",
  scope: "region",
  actions: ["backup:ListBackupVaults", "backup:GetBackupVaultAccessPolicy", "backup:ListTags"],
  async fetch(ctx) {
    const client = ctx.client(BackupClient, "backup");
    const vaults = await ctx.listAll(
      "backup:ListBackupVaults",
      () => paginateListBackupVaults({ client }, {}),
      (page) => page.BackupVaultList,
    );
    if (!vaults.ok) return { region: ctx.region, vaults };
    const named = vaults.value.filter((v) => v.BackupVaultName !== undefined && v.BackupVaultArn !== undefined);
    return { region: ctx.region, vaults: { ok: true, value: await Promise.all(named.map((v) => fetchVault(ctx, client, v))) } };
  },
};

async function fetchVault(ctx: FetchContext, client: BackupClient, vault: BackupVaultListMember): Promise<BackupVaultAnswers> {
  const [policy, tags] = await Promise.all([
    ctx.attempt("backup:GetBackupVaultAccessPolicy", async () => {
      try {
        return (await client.send(new GetBackupVaultAccessPolicyCommand({ BackupVaultName: vault.BackupVaultName }))).Policy;
      } catch (e) {
        // No policy (or the vault went away since it was listed).
        if (e instanceof ResourceNotFoundException) return undefined;
        throw e;
      }
    }),
    ctx.listAll(
      "backup:ListTags",
      () => paginateListTags({ client }, { ResourceArn: vault.BackupVaultArn }),
      (page) => Object.entries(page.Tags ?? {}),
    ),
  ]);
  return { vault, policy, tags: tags.ok ? { ok: true, value: Object.fromEntries(tags.value) } : tags };
}
