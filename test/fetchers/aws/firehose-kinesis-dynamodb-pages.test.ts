import { DescribeDeliveryStreamCommand, ListDeliveryStreamsCommand, ListTagsForDeliveryStreamCommand } from "@aws-sdk/client-firehose";
import {
  DescribeTableCommand,
  GetResourcePolicyCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  PolicyNotFoundException,
} from "@aws-sdk/client-dynamodb";
import { DescribeStreamSummaryCommand, ListStreamsCommand, ListTagsForStreamCommand } from "@aws-sdk/client-kinesis";
import { describe, expect, it } from "vitest";
import { dynamodbFetcher } from "../../../src/fetchers/aws/dynamodb";
import { firehoseFetcher } from "../../../src/fetchers/aws/firehose";
import { kinesisFetcher } from "../../../src/fetchers/aws/kinesis";
import { scanContext } from "../../support/aws-context";

/** The pages these APIs continue by hand (no SDK paginator), answered by a scripted client. */

type Answer = (input: Record<string, unknown>) => unknown;

/** A scan context whose every client answers each command class from `script`; records the inputs. */
function scripted(script: Map<new (input: never) => unknown, Answer>): { ctx: ReturnType<typeof scanContext>["ctx"]; calls: [string, Record<string, unknown>][] } {
  const { ctx } = scanContext("http://127.0.0.1:9");
  const calls: [string, Record<string, unknown>][] = [];
  const send = async (command: { constructor: new (input: never) => unknown; input: Record<string, unknown> }) => {
    const answer = script.get(command.constructor);
    if (answer === undefined) throw new Error(`unscripted ${command.constructor.name}`);
    calls.push([command.constructor.name, command.input]);
    return answer(command.input);
  };
  // An instance of the SDK's client class (the paginators check it), whose send is the script.
  ctx.client = ((Client: { prototype: object }) => Object.assign(Object.create(Client.prototype) as object, { send })) as typeof ctx.client;
  return { ctx, calls };
}

const tag = (k: string) => ({ Key: k, Value: k.toUpperCase() });

describe("hand-made pagination", () => {
  it("Firehose: delivery streams continue after the last name while HasMoreDeliveryStreams; tags after the last key while HasMoreTags", async () => {
    const names = ["a", "b", "c"];
    const { ctx, calls } = scripted(
      new Map<new (input: never) => unknown, Answer>([
        [
          ListDeliveryStreamsCommand,
          (i) => {
            const from = i.ExclusiveStartDeliveryStreamName === undefined ? 0 : names.indexOf(i.ExclusiveStartDeliveryStreamName as string) + 1;
            return { DeliveryStreamNames: names.slice(from, from + 2), HasMoreDeliveryStreams: from + 2 < names.length };
          },
        ],
        [DescribeDeliveryStreamCommand, (i) => ({ DeliveryStreamDescription: { DeliveryStreamName: i.DeliveryStreamName, Destinations: [{ DestinationId: "x" }] } })],
        [
          ListTagsForDeliveryStreamCommand,
          (i) => (i.ExclusiveStartTagKey === undefined ? { Tags: [tag("k1")], HasMoreTags: true } : { Tags: [tag("k2")], HasMoreTags: false }),
        ],
      ]),
    );
    const raw = await firehoseFetcher.fetch(ctx);
    expect(raw.streams.ok && raw.streams.value.map((s) => s.name)).toEqual(names);
    expect(raw.streams.ok && raw.streams.value[0]!.tags).toEqual({ ok: true, value: [tag("k1"), tag("k2")] });
    const tagPagesOfA = calls.filter(([c, i]) => c === "ListTagsForDeliveryStreamCommand" && i.DeliveryStreamName === "a");
    expect(tagPagesOfA.map(([, i]) => i.ExclusiveStartTagKey)).toEqual([undefined, "k1"]);
    expect(calls.filter(([c]) => c === "ListDeliveryStreamsCommand").map(([, i]) => i.ExclusiveStartDeliveryStreamName)).toEqual([undefined, "b"]);
    // Destinations are not kept in the answers.
    expect(JSON.stringify(raw)).not.toContain("Destinations");
  });

  it("Kinesis: tags continue after the last key while HasMoreTags", async () => {
    const { ctx } = scripted(
      new Map<new (input: never) => unknown, Answer>([
        [ListStreamsCommand, () => ({ StreamNames: ["s"], StreamSummaries: [{ StreamName: "s", StreamARN: "arn:aws:kinesis:us-east-1:123456789012:stream/s" }], HasMoreStreams: false })],
        [DescribeStreamSummaryCommand, () => ({ StreamDescriptionSummary: { StreamName: "s", EncryptionType: "NONE" } })],
        [ListTagsForStreamCommand, (i) => (i.ExclusiveStartTagKey === undefined ? { Tags: [tag("k1")], HasMoreTags: true } : { Tags: [tag("k2")], HasMoreTags: false })],
      ]),
    );
    const raw = await kinesisFetcher.fetch(ctx);
    expect(raw.streams.ok && raw.streams.value[0]!.tags).toEqual({ ok: true, value: [tag("k1"), tag("k2")] });
  });

  it("DynamoDB: tags continue with NextToken; a missing policy is none, not a failure", async () => {
    const { ctx } = scripted(
      new Map<new (input: never) => unknown, Answer>([
        [ListTablesCommand, () => ({ TableNames: ["t"] })],
        [DescribeTableCommand, () => ({ Table: { TableName: "t" } })],
        [
          GetResourcePolicyCommand,
          () => {
            throw new PolicyNotFoundException({ message: "no policy", $metadata: {} });
          },
        ],
        [ListTagsOfResourceCommand, (i) => (i.NextToken === undefined ? { Tags: [tag("k1")], NextToken: "n" } : { Tags: [tag("k2")] })],
      ]),
    );
    const raw = await dynamodbFetcher.fetch(ctx);
    const t = raw.tables.ok ? raw.tables.value[0] : undefined;
    expect(t?.tags).toEqual({ ok: true, value: [tag("k1"), tag("k2")] });
    expect(t?.policy).toEqual({ ok: true, value: undefined });
  });
});
