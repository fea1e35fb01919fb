import {
  GetQueueAttributesCommand,
  ListQueueTagsCommand,
  paginateListQueues,
  QueueDoesNotExist,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { unlessNotFound } from "./calls";
import type { FetchContext } from "./context";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface SqsQueueAnswers {
  readonly url: string;
  /** Every attribute (`All`): QueueArn, KmsMasterKeyId, SqsManagedSseEnabled, Policy; undefined when the queue went away. */
  readonly attributes: Fetched<Record<string, string> | undefined>;
  readonly tags: Fetched<Record<string, string>>;
}

export interface SqsAnswers {
  readonly region: string;
  readonly queues: Fetched<SqsQueueAnswers[]>;
}

export const sqsFetcher: Fetcher<SqsAnswers> = {
  name: "sqs-queues",
  service: "sqs",
  scope: "region",
  actions: ["sqs:ListQueues", "sqs:GetQueueAttributes", "sqs:ListQueueTags"],
  async fetch(ctx) {
    const client = ctx.client(SQSClient, "sqs");
    const urls = await ctx.listAll(
      "sqs:ListQueues",
      () => paginateListQueues({ client }, {}),
      (page) => page.QueueUrls,
    );
    return { region: ctx.region, queues: await eachListed(urls, (url) => fetchQueue(ctx, client, url)) };
  },
};

async function fetchQueue(ctx: FetchContext, client: SQSClient, url: string): Promise<SqsQueueAnswers> {
  const [attributes, tags] = await Promise.all([
    ctx.attempt("sqs:GetQueueAttributes", async () => {
      const out = await unlessNotFound([QueueDoesNotExist], () => client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["All"] })));
      return out && (out.Attributes ?? {});
    }),
    ctx.attempt("sqs:ListQueueTags", async () => (await client.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags ?? {}),
  ]);
  return { url, attributes, tags };
}
