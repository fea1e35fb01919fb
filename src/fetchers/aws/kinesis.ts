import {
  DescribeStreamSummaryCommand,
  KinesisClient,
  ListTagsForStreamCommand,
  paginateListStreams,
  ResourceNotFoundException,
  type ListTagsForStreamOutput,
  type StreamDescriptionSummary,
  type Tag,
} from "@aws-sdk/client-kinesis";
import { unlessNotFound } from "./calls";
import type { FetchContext } from "./context";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface KinesisStreamAnswers {
  readonly name: string;
  readonly arn: string;
  /** EncryptionType and KeyId; undefined when the stream went away. Never its records. */
  readonly summary: Fetched<StreamDescriptionSummary | undefined>;
  readonly tags: Fetched<Tag[]>;
}

export interface KinesisAnswers {
  readonly region: string;
  readonly streams: Fetched<KinesisStreamAnswers[]>;
}

export const kinesisFetcher: Fetcher<KinesisAnswers> = {
  name: "kinesis-streams",
  service: "kinesis",
  scope: "region",
  actions: ["kinesis:ListStreams", "kinesis:DescribeStreamSummary", "kinesis:ListTagsForStream"],
  async fetch(ctx) {
    const client = ctx.client(KinesisClient, "kinesis");
    const named = await ctx.listAll(
      "kinesis:ListStreams",
      () => paginateListStreams({ client }, {}),
      (page) => page.StreamSummaries?.flatMap((s) => (s.StreamName && s.StreamARN ? [{ name: s.StreamName, arn: s.StreamARN }] : [])),
    );
    return { region: ctx.region, streams: await eachListed(named, (s) => fetchStream(ctx, client, s.name, s.arn)) };
  },
};

async function fetchStream(ctx: FetchContext, client: KinesisClient, name: string, arn: string): Promise<KinesisStreamAnswers> {
  const [summary, tags] = await Promise.all([
    ctx.attempt("kinesis:DescribeStreamSummary", async () => {
      const out = await unlessNotFound([ResourceNotFoundException], () => client.send(new DescribeStreamSummaryCommand({ StreamARN: arn })));
      return out?.StreamDescriptionSummary;
    }),
    ctx.attempt("kinesis:ListTagsForStream", () => listTags(client, arn)),
  ]);
  return { name, arn, summary, tags };
}

async function listTags(client: KinesisClient, arn: string): Promise<Tag[]> {
  const tags: Tag[] = [];
  let after: string | undefined;
  for (;;) {
    const page: ListTagsForStreamOutput = await client.send(new ListTagsForStreamCommand({ StreamARN: arn, ExclusiveStartTagKey: after }));
    tags.push(...(page.Tags ?? []));
    after = page.Tags?.at(-1)?.Key;
    if (!page.HasMoreTags || after === undefined) return tags;
  }
}
