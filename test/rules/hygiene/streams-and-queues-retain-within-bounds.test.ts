import { describe, expect, it } from "vitest";
import type { Tags } from "../../../src/core/classification";
import type { Val } from "../../../src/core/value";
import type { StoreHygiene } from "../../../src/models/hygiene";
import { streamsAndQueuesRetainWithinBounds as rule } from "../../../src/rules/hygiene/streams-and-queues-retain-within-bounds";
import { run, statuses } from "../../helpers/models";
import { CONFIDENTIAL, DENIED, hygieneInventory, PREVIEW, RESTRICTED, setting, storeOf } from "./readiness-models";

const retain = (value: Val<number | "forever">, observed = "as configured"): StoreHygiene => ({ retentionDays: setting(value, observed) });
const stream = (tags: Val<Tags | undefined>, h: StoreHygiene | undefined) => hygieneInventory([[storeOf("kinesis-stream", "events", tags), h]]);
const queue = (tags: Val<Tags | undefined>, h: StoreHygiene | undefined) => hygieneInventory([[storeOf("sqs-queue", "orders", tags), h]]);

describe("CDG-HYG-011 streams-and-queues-retain-within-bounds", () => {
  it.each<[string, ReturnType<typeof stream>, Record<string, unknown>, string[]]>([
    ["compliant: stream at the 24-hour default", stream(CONFIDENTIAL, retain(1)), {}, ["pass"]],
    ["compliant: stream at 7 days", stream(RESTRICTED, retain(7)), {}, ["pass"]],
    ["compliant: queue at the 4-day default", queue(CONFIDENTIAL, retain(4)), {}, ["pass"]],
    ["compliant: untagged queue at 1 hour", queue(undefined, retain(1 / 24)), {}, ["pass"]],
    ["compliant: stream classified internal is not customer data", stream({ "data-classification": "internal" }, retain(365)), {}, ["not-applicable"]],
    ["violation: stream at 30 days", stream(CONFIDENTIAL, retain(30)), {}, ["fail"]],
    ["violation: restricted stream at 8 days (the same limit)", stream(RESTRICTED, retain(8)), {}, ["fail"]],
    ["violation: queue at 14 days", queue(CONFIDENTIAL, retain(14)), {}, ["fail"]],
    ["violation: untagged queue at 5 days", queue(undefined, retain(5)), {}, ["fail"]],
    ["violation: queue over a configured 1-day maximum", queue(CONFIDENTIAL, retain(2)), { maxQueueRetentionDays: 1 }, ["fail"]],
    ["violation: stream over a configured 1-day maximum", stream(CONFIDENTIAL, retain(2)), { maxStreamRetentionDays: 1 }, ["fail"]],
    ["compliant: the stream limit does not apply to queues", queue(CONFIDENTIAL, retain(3)), { maxStreamRetentionDays: 1 }, ["pass"]],
    ["compliant: stream under a configured longer maximum", stream(CONFIDENTIAL, retain(30)), { maxStreamRetentionDays: 30 }, ["pass"]],
    ["unknown: stream retention computed in preview", stream(CONFIDENTIAL, retain(PREVIEW)), {}, ["unknown"]],
    ["unknown: queue attributes denied", queue(CONFIDENTIAL, retain(DENIED)), {}, ["unknown"]],
    ["unknown: queue retention not part of the view", queue(CONFIDENTIAL, undefined), {}, ["unknown"]],
    ["unknown: stream tags computed", stream(PREVIEW, retain(30)), {}, ["unknown"]],
  ])("%s", (_name, i, options, expected) => {
    expect(statuses(run(rule, i, options))).toEqual(expected);
  });

  it("judges only streams and queues", () => {
    expect(run(rule, hygieneInventory([[storeOf("log-group", "l", CONFIDENTIAL), retain(3650)]]))).toEqual([]);
  });

  it("names the store, the observed retention and the limit", () => {
    const [s] = run(rule, stream(CONFIDENTIAL, retain(30, "retentionPeriod=720 hours")));
    expect(s?.message).toBe("Kinesis data stream 'events' keeps records for 30 days (retentionPeriod=720 hours), longer than the 7 days allowed for a stream classified 'confidential'");
    const [q] = run(rule, queue(CONFIDENTIAL, retain(0.5, "messageRetentionSeconds=43200")));
    expect(q?.message).toBe("SQS queue 'orders' keeps messages for 0.5 days (messageRetentionSeconds=43200), within the 4 days allowed for a queue classified 'confidential'");
  });
});
