import { describe, expect, it } from "vitest";
import type { Tags } from "../../../src/core/classification";
import type { Val } from "../../../src/core/value";
import type { StoreHygiene } from "../../../src/models/hygiene";
import { customerDataBucketsExpireObjects as rule } from "../../../src/rules/hygiene/customer-data-buckets-expire-objects";
import { run, statuses } from "../../helpers/models";
import { CONFIDENTIAL, DENIED, hygieneInventory, PREVIEW, RESTRICTED, setting, storeOf } from "./readiness-models";

const expire = (value: Val<number | "forever">): StoreHygiene => ({
  retentionDays: setting(value, value === "forever" ? "no lifecycle expiration" : `lifecycle rule 'expire' after ${String(value)} days`),
});
const inv = (tags: Val<Tags | undefined>, h: StoreHygiene | undefined) => hygieneInventory([[storeOf("s3-bucket", "orders", tags), h]]);

describe("CDG-HYG-010 customer-data-buckets-expire-objects", () => {
  it.each<[string, ReturnType<typeof inv>, Record<string, unknown>, string[]]>([
    ["compliant: confidential, expires after 365 days", inv(CONFIDENTIAL, expire(365)), {}, ["pass"]],
    ["compliant: confidential at the 2555-day maximum", inv(CONFIDENTIAL, expire(2555)), {}, ["pass"]],
    ["compliant: untagged (treated as confidential) within 2555 days", inv(undefined, expire(2000)), {}, ["pass"]],
    ["compliant: restricted at the 1825-day maximum", inv(RESTRICTED, expire(1825)), {}, ["pass"]],
    ["compliant: classified public, not customer data", inv({ "data-classification": "public" }, expire("forever")), {}, ["not-applicable"]],
    ["violation: confidential, no expiration", inv(CONFIDENTIAL, expire("forever")), {}, ["fail"]],
    ["violation: untagged, no expiration", inv(undefined, expire("forever")), {}, ["fail"]],
    ["violation: confidential over 2555 days", inv(CONFIDENTIAL, expire(3000)), {}, ["fail"]],
    ["violation: restricted is stricter: 2000 days is too long", inv(RESTRICTED, expire(2000)), {}, ["fail"]],
    ["violation: a configured confidential maximum of 90 days", inv(CONFIDENTIAL, expire(365)), { maxConfidentialObjectAgeDays: 90 }, ["fail"]],
    ["compliant: restricted under a configured longer maximum", inv(RESTRICTED, expire(2000)), { maxRestrictedObjectAgeDays: 2555 }, ["pass"]],
    ["unknown: the expiration is computed in preview", inv(CONFIDENTIAL, expire(PREVIEW)), {}, ["unknown"]],
    ["unknown: the lifecycle could not be read", inv(CONFIDENTIAL, expire(DENIED)), {}, ["unknown"]],
    ["unknown: the lifecycle is not part of the view", inv(CONFIDENTIAL, undefined), {}, ["unknown"]],
    ["unknown: the tags are computed", inv(PREVIEW, expire("forever")), {}, ["unknown"]],
  ])("%s", (_name, i, options, expected) => {
    expect(statuses(run(rule, i, options))).toEqual(expected);
  });

  it("judges only buckets", () => {
    expect(run(rule, hygieneInventory([[storeOf("log-group", "l", CONFIDENTIAL), expire("forever")]]))).toEqual([]);
  });

  it("names the bucket, the observed lifecycle and the limit", () => {
    const [none] = run(rule, inv(RESTRICTED, expire("forever")));
    expect(none?.message).toBe("S3 bucket 'orders' keeps objects forever (no lifecycle expiration); a bucket classified 'restricted' must expire objects within 1825 days");
    const [ok] = run(rule, inv(undefined, expire(30)));
    expect(ok?.message).toBe(
      "S3 bucket 'orders' keeps objects for 30 days (lifecycle rule 'expire' after 30 days), within the 2555 days allowed for a bucket untagged (treated as 'confidential'; tag 'data-classification' to classify)",
    );
  });
});
