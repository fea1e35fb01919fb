import {
  DescribeSecretCommand,
  GetResourcePolicyCommand,
  paginateListSecrets,
  ResourceNotFoundException,
  SecretsManagerClient,
  type ReplicationStatusType,
  type SecretListEntry,
} from "@aws-sdk/client-secrets-manager";
import { unlessNotFound } from "./calls";
import type { FetchContext } from "./context";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

/** What is known of one secret: never its value (GetSecretValue is never called). */
export interface SecretAnswers {
  /** From ListSecrets: ARN, Name, KmsKeyId, Tags, PrimaryRegion. */
  readonly entry: SecretListEntry;
  /** The secret's replicas in other regions (DescribeSecret's ReplicationStatus only). */
  readonly replicas: Fetched<ReplicationStatusType[]>;
  /** The policy document; undefined when the secret has none. */
  readonly policy: Fetched<string | undefined>;
}

export interface SecretsManagerAnswers {
  readonly region: string;
  readonly secrets: Fetched<SecretAnswers[]>;
}

export const secretsManagerFetcher: Fetcher<SecretsManagerAnswers> = {
  name: "secretsmanager-secrets",
  service: "secretsmanager",
  scope: "region",
  actions: ["secretsmanager:ListSecrets", "secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy"],
  async fetch(ctx) {
    const client = ctx.client(SecretsManagerClient, "secretsmanager");
    const named = await ctx.listAll(
      "secretsmanager:ListSecrets",
      () => paginateListSecrets({ client }, {}),
      (page) => page.SecretList?.filter((e) => e.ARN !== undefined),
    );
    return { region: ctx.region, secrets: await eachListed(named, (e) => fetchSecret(ctx, client, e)) };
  },
};

/** A call whose ResourceNotFoundException means the secret went away since it was listed: nothing to read. */
const unlessGone = <T>(call: () => Promise<T>): Promise<T | undefined> => unlessNotFound([ResourceNotFoundException], call);

async function fetchSecret(ctx: FetchContext, client: SecretsManagerClient, entry: SecretListEntry): Promise<SecretAnswers> {
  const [replicas, policy] = await Promise.all([
    ctx.attempt("secretsmanager:DescribeSecret", async () => {
      const described = await unlessGone(() => client.send(new DescribeSecretCommand({ SecretId: entry.ARN })));
      return described?.ReplicationStatus ?? [];
    }),
    ctx.attempt("secretsmanager:GetResourcePolicy", async () => {
      const out = await unlessGone(() => client.send(new GetResourcePolicyCommand({ SecretId: entry.ARN })));
      return out?.ResourcePolicy;
    }),
  ]);
  return { entry, replicas, policy };
}
