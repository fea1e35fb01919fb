import {
  DescribeDeliveryStreamCommand,
  FirehoseClient,
  ListDeliveryStreamsCommand,
  ListTagsForDeliveryStreamCommand,
  ResourceNotFoundException,
  type DeliveryStreamDescription,
  type ListDeliveryStreamsOutput,
  type ListTagsForDeliveryStreamOutput,
  type Tag,
} from "@aws-sdk/client-firehose";
import { unlessNotFound } from "./calls";
import type { FetchContext } from "./context";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

/** What the adapter reads of a delivery stream; destinations are not kept. */
export type DeliveryStreamSummary = Pick<
  DeliveryStreamDescription,
  "DeliveryStreamName" | "DeliveryStreamARN" | "DeliveryStreamType" | "DeliveryStreamEncryptionConfiguration" | "Source"
>;

export interface DeliveryStreamAnswers {
  readonly name: string;
  /** Undefined when the stream went away after it was listed. */
  readonly stream: Fetched<DeliveryStreamSummary | undefined>;
  readonly tags: Fetched<Tag[]>;
}

export interface FirehoseAnswers {
  readonly region: string;
  readonly streams: Fetched<DeliveryStreamAnswers[]>;
}

export const firehoseFetcher: Fetcher<FirehoseAnswers> = {
  name: "firehose-delivery-streams",
  service: "firehose",
  scope: "region",
  actions: ["firehose:ListDeliveryStreams", "firehose:DescribeDeliveryStream", "firehose:ListTagsForDeliveryStream"],
  async fetch(ctx) {
    const client = ctx.client(FirehoseClient, "firehose");
    // Firehose has no SDK paginator: pages continue after the last name while HasMoreDeliveryStreams.
    const names = await ctx.listAll("firehose:ListDeliveryStreams", () => streamPages(client), (page) => page.DeliveryStreamNames);
    return { region: ctx.region, streams: await eachListed(names, (n) => fetchStream(ctx, client, n)) };
  },
};

async function* streamPages(client: FirehoseClient): AsyncGenerator<ListDeliveryStreamsOutput> {
  let after: string | undefined;
  for (;;) {
    const page = await client.send(new ListDeliveryStreamsCommand({ ExclusiveStartDeliveryStreamName: after }));
    yield page;
    after = page.DeliveryStreamNames?.at(-1);
    if (!page.HasMoreDeliveryStreams || after === undefined) return;
  }
}

async function fetchStream(ctx: FetchContext, client: FirehoseClient, name: string): Promise<DeliveryStreamAnswers> {
  const [stream, tags] = await Promise.all([
    ctx.attempt("firehose:DescribeDeliveryStream", async () => {
      const out = await unlessNotFound([ResourceNotFoundException], () => client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name })));
      const d = out?.DeliveryStreamDescription;
      return d && summaryOf(d);
    }),
    ctx.attempt("firehose:ListTagsForDeliveryStream", () => listTags(client, name)),
  ]);
  return { name, stream, tags };
}

const summaryOf = (d: DeliveryStreamDescription): DeliveryStreamSummary => ({
  DeliveryStreamName: d.DeliveryStreamName,
  DeliveryStreamARN: d.DeliveryStreamARN,
  DeliveryStreamType: d.DeliveryStreamType,
  DeliveryStreamEncryptionConfiguration: d.DeliveryStreamEncryptionConfiguration,
  Source: d.Source,
});

async function listTags(client: FirehoseClient, name: string): Promise<Tag[]> {
  const tags: Tag[] = [];
  let after: string | undefined;
  for (;;) {
    const page: ListTagsForDeliveryStreamOutput = await client.send(
      new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: name, ExclusiveStartTagKey: after }),
    );
    tags.push(...(page.Tags ?? []));
    after = page.Tags?.at(-1)?.Key;
    if (!page.HasMoreTags || after === undefined) return tags;
  }
}
