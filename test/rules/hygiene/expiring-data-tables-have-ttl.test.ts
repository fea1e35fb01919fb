import { describe, expect, it } from "vitest";
import type { Tags } from "../../../src/core/classification";
import type { Val } from "../../../src/core/value";
import type { StoreHygiene } from "../../../src/models/hygiene";
import { expiringDataTablesHaveTtl as rule } from "../../../src/rules/hygiene/expiring-data-tables-have-ttl";
import { run, statuses } from "../../helpers/models";
import { CONFIDENTIAL, DENIED, hygieneInventory, PREVIEW, RESTRICTED, setting, storeOf } from "./readiness-models";

const EXPIRING = { ...CONFIDENTIAL, "data-retention": "30d" };
const ttl = (value: Val<boolean>): StoreHygiene => ({ ttl: setting(value, value === true ? "ttl.enabled=true on 'expiresAt'" : "ttl not enabled") });
const inv = (tags: Val<Tags | undefined>, h: StoreHygiene | undefined, variant?: "dynamodb-table-replica") =>
  hygieneInventory([[storeOf("dynamodb-table", "sessions", tags, variant ? { variant } : {}), h]]);

describe("CDG-HYG-012 expiring-data-tables-have-ttl", () => {
  it.each<[string, ReturnType<typeof inv>, Record<string, unknown>, string[]]>([
    ["compliant: tagged expiring, TTL on", inv(EXPIRING, ttl(true)), {}, ["pass"]],
    ["compliant: restricted, tagged expiring, TTL on", inv({ ...RESTRICTED, "data-retention": "" }, ttl(true)), {}, ["pass"]],
    ["compliant: untagged for classification (customer data by default), tagged expiring, TTL on", inv({ "data-retention": "90d" }, ttl(true)), {}, ["pass"]],
    ["compliant: no expiring-data tag, TTL off: not judged", inv(CONFIDENTIAL, ttl(false)), {}, ["not-applicable"]],
    ["compliant: classified public: not customer data", inv({ "data-classification": "public", "data-retention": "1d" }, ttl(false)), {}, ["not-applicable"]],
    ["compliant: a replica follows its table", inv(EXPIRING, undefined, "dynamodb-table-replica"), {}, ["not-applicable"]],
    ["violation: tagged expiring, TTL off", inv(EXPIRING, ttl(false)), {}, ["fail"]],
    ["violation: restricted, tagged with any value, TTL off", inv({ ...RESTRICTED, "data-retention": "until-closed" }, ttl(false)), {}, ["fail"]],
    ["violation: a configured tag key", inv({ ...CONFIDENTIAL, "expires": "yes" }, ttl(false)), { expiringDataTagKey: "expires" }, ["fail"]],
    ["compliant: the default key is not used when another is configured", inv(EXPIRING, ttl(false)), { expiringDataTagKey: "expires" }, ["not-applicable"]],
    ["unknown: TTL computed in preview", inv(EXPIRING, ttl(PREVIEW)), {}, ["unknown"]],
    ["unknown: DescribeTimeToLive denied", inv(EXPIRING, ttl(DENIED)), {}, ["unknown"]],
    ["unknown: TTL not part of the view", inv(EXPIRING, undefined), {}, ["unknown"]],
    ["unknown: tags computed", inv(PREVIEW, ttl(false)), {}, ["unknown"]],
  ])("%s", (_name, i, options, expected) => {
    expect(statuses(run(rule, i, options))).toEqual(expected);
  });

  it("judges only DynamoDB tables", () => {
    expect(run(rule, hygieneInventory([[storeOf("s3-bucket", "b", EXPIRING), ttl(false)]]))).toEqual([]);
  });

  it("names the table, the tag and the observed setting", () => {
    const [o] = run(rule, inv(EXPIRING, ttl(false)));
    expect(o?.message).toBe("DynamoDB table 'sessions' has no time to live (ttl not enabled) though it is tagged data-retention='30d': enable TTL on its expiry attribute");
    const [na] = run(rule, inv(CONFIDENTIAL, ttl(false)));
    expect(na?.message).toBe("DynamoDB table 'sessions' has no tag 'data-retention': its items are not declared to expire");
  });
});
