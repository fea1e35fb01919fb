import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetResourcePolicyCommand,
  ListTagsOfResourceCommand,
  paginateListTables,
  PolicyNotFoundException,
  ResourceNotFoundException,
  TableNotFoundException,
  type ContinuousBackupsDescription,
  type ListTagsOfResourceOutput,
  type TableDescription,
  type Tag,
  type TimeToLiveDescription,
} from "@aws-sdk/client-dynamodb";
import { unlessNotFound } from "./calls";
import type { FetchContext } from "./context";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface DynamoDbTableAnswers {
  readonly name: string;
  /** Undefined when the table went away after it was listed. */
  readonly table: Fetched<TableDescription | undefined>;
  /** The policy document; undefined when the table has none. */
  readonly policy: Fetched<string | undefined>;
  readonly tags: Fetched<Tag[]>;
  /**
   * Point-in-time recovery status and window; undefined inside when the table went away. The
   * fetcher always asks; absent only in answers recorded before it did (read as not fetched).
   */
  readonly continuousBackups?: Fetched<ContinuousBackupsDescription | undefined>;
  /** TTL status and attribute, as `continuousBackups`. */
  readonly timeToLive?: Fetched<TimeToLiveDescription | undefined>;
}

export interface DynamoDbAnswers {
  readonly region: string;
  readonly tables: Fetched<DynamoDbTableAnswers[]>;
}

/** The table's ARN, known before DescribeTable answers (tags and policy are asked concurrently). */
const dynamodbTableArn = (ctx: FetchContext, name: string): string =>
  `arn:${ctx.partition}:dynamodb:${ctx.region}:${ctx.account}:table/${name}`;

export const dynamodbFetcher: Fetcher<DynamoDbAnswers> = {
  name: "dynamodb-tables",
  service: "dynamodb",
  scope: "region",
  actions: [
    "dynamodb:ListTables",
    "dynamodb:DescribeTable",
    "dynamodb:GetResourcePolicy",
    "dynamodb:ListTagsOfResource",
    "dynamodb:DescribeContinuousBackups",
    "dynamodb:DescribeTimeToLive",
  ],
  async fetch(ctx) {
    const client = ctx.client(DynamoDBClient, "dynamodb");
    const names = await ctx.listAll(
      "dynamodb:ListTables",
      () => paginateListTables({ client }, {}),
      (page) => page.TableNames,
    );
    return { region: ctx.region, tables: await eachListed(names, (name) => fetchTable(ctx, client, name)) };
  },
};

async function fetchTable(ctx: FetchContext, client: DynamoDBClient, name: string): Promise<DynamoDbTableAnswers> {
  const arn = dynamodbTableArn(ctx, name);
  const [table, policy, tags, continuousBackups, timeToLive] = await Promise.all([
    ctx.attempt("dynamodb:DescribeTable", async () => {
      const out = await unlessNotFound([ResourceNotFoundException], () => client.send(new DescribeTableCommand({ TableName: name })));
      return out?.Table;
    }),
    ctx.attempt("dynamodb:GetResourcePolicy", async () => {
      const out = await unlessNotFound([PolicyNotFoundException, ResourceNotFoundException], () => client.send(new GetResourcePolicyCommand({ ResourceArn: arn })));
      return out?.Policy;
    }),
    ctx.attempt("dynamodb:ListTagsOfResource", () => listTags(client, arn)),
    ctx.attempt("dynamodb:DescribeContinuousBackups", async () => {
      const out = await unlessNotFound([TableNotFoundException], () => client.send(new DescribeContinuousBackupsCommand({ TableName: name })));
      return out?.ContinuousBackupsDescription;
    }),
    ctx.attempt("dynamodb:DescribeTimeToLive", async () => {
      const out = await unlessNotFound([ResourceNotFoundException], () => client.send(new DescribeTimeToLiveCommand({ TableName: name })));
      return out?.TimeToLiveDescription;
    }),
  ]);
  return { name, table, policy, tags, continuousBackups, timeToLive };
}

async function listTags(client: DynamoDBClient, arn: string): Promise<Tag[]> {
  const tags: Tag[] = [];
  let next: string | undefined;
  do {
    const page: ListTagsOfResourceOutput = await client.send(new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken: next }));
    tags.push(...(page.Tags ?? []));
    next = page.NextToken;
  } while (next);
  return tags;
}
