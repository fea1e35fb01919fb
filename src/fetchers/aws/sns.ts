import {
  GetTopicAttributesCommand,
  ListTagsForResourceCommand,
  NotFoundException,
  paginateListTopics,
  SNSClient,
  type Tag,
} from "@aws-sdk/client-sns";
import type { FetchContext } from "./context";
import type { Fetched } from "./fetched";
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
    const topics = await ctx.listAll(
      "sns:ListTopics",
      () => paginateListTopics({ client }, {}),
      (page) => page.Topics,
    );
    if (!topics.ok) return { region: ctx.region, topics };
    const arns = topics.value.flatMap((t) => (t.TopicArn ? [t.TopicArn] : []));
    return { region: ctx.region, topics: { ok: true, value: await Promise.all(arns.map((arn) => fetchTopic(ctx, client, arn))) } };
  },
};

async function fetchTopic(ctx: FetchContext, client: SNSClient, arn: string): Promise<SnsTopicAnswers> {
  const [attributes, tags] = await Promise.all([
    ctx.attempt("sns:GetTopicAttributes", async () => {
      try {
        return (await client.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes ?? {};
      } catch (e) {
        if (e instanceof NotFoundException) return undefined;
        throw e;
      }
    }),
    ctx.attempt("sns:ListTagsForResource", async () => (await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags ?? []),
  ]);
  return { arn, attributes, tags };
}
