import { describe, expect, it } from "vitest";
import type { Tags } from "../../../src/core/classification";
import type { Val } from "../../../src/core/value";
import type { StoreHygiene } from "../../../src/models/hygiene";
import { logGroupsRetainForBoundedTime as rule } from "../../../src/rules/hygiene/log-groups-retain-for-bounded-time";
import { run, statuses } from "../../helpers/models";
import { CONFIDENTIAL, DENIED, hygieneInventory, PREVIEW, RESTRICTED, setting, storeOf } from "./readiness-models";

const retain = (value: Val<number | "forever">): StoreHygiene => ({ retentionDays: setting(value, value === "forever" ? "retentionInDays unset" : "retentionInDays set") });
const inv = (tags: Val<Tags | undefined>, h: StoreHygiene | undefined) => hygieneInventory([[storeOf("log-group", "app-logs", tags), h]]);

describe("CDG-HYG-009 log-groups-retain-for-bounded-time", () => {
  it.each<[string, ReturnType<typeof inv>, Record<string, unknown>, string[]]>([
    ["compliant: tagged confidential, 365 days", inv(CONFIDENTIAL, retain(365)), {}, ["pass"]],
    ["compliant: tagged restricted, 90 days", inv(RESTRICTED, retain(90)), {}, ["pass"]],
    ["compliant: untagged needs only a finite retention (10 years)", inv(undefined, retain(3653)), {}, ["pass"]],
    ["compliant: tagged internal needs only a finite retention", inv({ "data-classification": "internal" }, retain(3653)), {}, ["pass"]],
    ["compliant: unknown tags but within every maximum", inv(PREVIEW, retain(30)), {}, ["pass"]],
    ["violation: untagged, kept forever", inv(undefined, retain("forever")), {}, ["fail"]],
    ["violation: tagged public, kept forever", inv({ "data-classification": "public" }, retain("forever")), {}, ["fail"]],
    ["violation: unknown tags, kept forever (every group needs a retention)", inv(PREVIEW, retain("forever")), {}, ["fail"]],
    ["violation: tagged confidential, 400 days", inv(CONFIDENTIAL, retain(400)), {}, ["fail"]],
    ["violation: unrecognized classification is restricted", inv({ "data-classification": "secret" }, retain(400)), {}, ["fail"]],
    ["violation: confidential over a configured 30-day maximum", inv(CONFIDENTIAL, retain(90)), { maxCustomerDataRetentionDays: 30 }, ["fail"]],
    ["violation: restricted over its own stricter maximum", inv(RESTRICTED, retain(200)), { maxRestrictedRetentionDays: 180 }, ["fail"]],
    ["compliant: confidential is not held to the restricted maximum", inv(CONFIDENTIAL, retain(200)), { maxRestrictedRetentionDays: 180 }, ["pass"]],
    ["unknown: retention computed in preview", inv(CONFIDENTIAL, retain(PREVIEW)), {}, ["unknown"]],
    ["unknown: retention not readable (access denied)", inv(CONFIDENTIAL, retain(DENIED)), {}, ["unknown"]],
    ["unknown: retention not part of the view", inv(CONFIDENTIAL, undefined), {}, ["unknown"]],
    ["unknown: tags unknown and the retention over a maximum", inv(PREVIEW, retain(400)), {}, ["unknown"]],
  ])("%s", (_name, i, options, expected) => {
    expect(statuses(run(rule, i, options))).toEqual(expected);
  });

  it("judges only log groups", () => {
    expect(run(rule, hygieneInventory([[storeOf("s3-bucket", "b", CONFIDENTIAL), retain("forever")]]))).toEqual([]);
  });

  it("carries the reason of an unknown value", () => {
    const [denied] = run(rule, inv(CONFIDENTIAL, retain(DENIED)));
    expect(denied?.reason).toBe("access-denied");
    const [missing] = run(rule, inv(CONFIDENTIAL, undefined));
    expect(missing?.reason).toBe("not-fetched");
    expect(missing?.message).toBe("CloudWatch log group 'app-logs': the retention cannot be judged: the setting is not part of this view");
  });

  it("names the group, what it keeps and the limit", () => {
    const [forever] = run(rule, inv(undefined, retain("forever")));
    expect(forever?.message).toBe("CloudWatch log group 'app-logs' keeps its events forever (retentionInDays unset); every log group must set a finite retention");
    const [long] = run(rule, inv(CONFIDENTIAL, retain(400)));
    expect(long?.message).toBe(
      "CloudWatch log group 'app-logs' keeps its events for 400 days (retentionInDays set), longer than the 365 days allowed for a log group classified 'confidential'",
    );
  });
});
