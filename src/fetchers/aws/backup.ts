import {
  BackupClient,
  GetBackupVaultAccessPolicyCommand,
  paginateListBackupVaults,
  paginateListTags,
  ResourceNotFoundException,
  type BackupVaultListMember,
} from "@aws-sdk/client-backup";
import { unlessNotFound } from "./calls";
import type { FetchContext } from "./context";
import { eachListed, type Fetched } from "./fetched";
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
    const named = await ctx.listAll(
      "backup:ListBackupVaults",
      () => paginateListBackupVaults({ client }, {}),
      (page) => page.BackupVaultList?.filter((v) => v.BackupVaultName !== undefined && v.BackupVaultArn !== undefined),
    );
    return { region: ctx.region, vaults: await eachListed(named, (v) => fetchVault(ctx, client, v)) };
  },
};

async function fetchVault(ctx: FetchContext, client: BackupClient, vault: BackupVaultListMember): Promise<BackupVaultAnswers> {
  const [policy, tags] = await Promise.all([
    // Not found: no policy (or the vault went away since it was listed).
    ctx.attempt("backup:GetBackupVaultAccessPolicy", async () => {
      const asked = new GetBackupVaultAccessPolicyCommand({ BackupVaultName: vault.BackupVaultName });
      const out = await unlessNotFound([ResourceNotFoundException], () => client.send(asked));
      return out?.Policy;
    }),
    ctx.listAll(
      "backup:ListTags",
      () => paginateListTags({ client }, { ResourceArn: vault.BackupVaultArn }),
      (page) => Object.entries(page.Tags ?? {}),
    ),
  ]);
  return { vault, policy, tags: tags.ok ? { ok: true, value: Object.fromEntries(tags.value) } : tags };
}
