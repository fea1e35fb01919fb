import {
  GetTopicAttributesCommand,
  ListTagsForResourceCommand,
  NotFoundException,
  paginateListTopics,
  SNSClient,
  type Tag,
} from "@aws-sdk/client-sns";
import { unlessNotFound } from "./calls";
import type { FetchContext } from "./context";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface SnsTopicAnswers {
  readonly arn: string;
  /** KmsMasterKeyId, Policy...; undefined when the topic went away. */
  readonly attributes: Fetched<Record<string, string> | undefined>;
  readonly tags: Fetched<Tag[]>;
}

export interface SnsAnswers {
  readonly region: string;
  readonly topics: Fetched<SnsTopicAnswers[]>;
}

export const snsFetcher: Fetcher<SnsAnswers> = {
  name: "sns-topics",
  service: "sns",
  scope: "region",
  actions: ["sns:ListTopics", "sns:GetTopicAttributes", "sns:ListTagsForResource"],
  async fetch(ctx) {
    const client = ctx.client(SNSClient, "sns");
    const arns = await ctx.listAll(
      "sns:ListTopics",
      () => paginateListTopics({ client }, {}),
      (page) => page.Topics?.flatMap((t) => (t.TopicArn ? [t.TopicArn] : [])),
    );
    return { region: ctx.region, topics: await eachListed(arns, (arn) => fetchTopic(ctx, client, arn)) };
  },
};

async function fetchTopic(ctx: FetchContext, client: SNSClient, arn: string): Promise<SnsTopicAnswers> {
  const [attributes, tags] = await Promise.all([
    ctx.attempt("sns:GetTopicAttributes", async () => {
      const out = await unlessNotFound([NotFoundException], () => client.send(new GetTopicAttributesCommand({ TopicArn: arn })));
      return out && (out.Attributes ?? {});
    }),
    ctx.attempt("sns:ListTagsForResource", async () => (await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags ?? []),
  ]);
  return { arn, attributes, tags };
}
