import { describe, expect, it } from "vitest";
import type { Tags } from "../../../src/core/classification";
import type { Val } from "../../../src/core/value";
import type { StoreHygiene } from "../../../src/models/hygiene";
import { customerDataBucketsVersioned as rule } from "../../../src/rules/hygiene/customer-data-buckets-versioned";
import { run, statuses } from "../../helpers/models";
import { CONFIDENTIAL, DENIED, hygieneInventory, PREVIEW, RESTRICTED, setting, storeOf } from "./readiness-models";

const versioned = (v: Val<boolean>, lock?: Val<boolean>, mfa?: Val<boolean>): StoreHygiene => ({
  versioning: setting(v, v === true ? "versioning Enabled" : "versioning Suspended"),
  ...(lock === undefined ? {} : { objectLock: setting(lock, `objectLockEnabled=${String(lock === true)}`) }),
  ...(mfa === undefined ? {} : { mfaDelete: setting(mfa, `mfaDelete ${mfa === true ? "Enabled" : "Disabled"}`) }),
});
const inv = (tags: Val<Tags | undefined>, h: StoreHygiene | undefined) => hygieneInventory([[storeOf("s3-bucket", "orders", tags), h]]);

describe("CDG-HYG-016 customer-data-buckets-versioned", () => {
  it.each<[string, ReturnType<typeof inv>, string[]]>([
    ["compliant: confidential, versioned", inv(CONFIDENTIAL, versioned(true)), ["pass"]],
    ["compliant: untagged (confidential by default), versioned", inv(undefined, versioned(true)), ["pass"]],
    ["compliant: restricted, versioned with Object Lock", inv(RESTRICTED, versioned(true, true, false)), ["pass"]],
    ["compliant: restricted, versioned with MFA Delete", inv(RESTRICTED, versioned(true, false, true)), ["pass"]],
    ["compliant: restricted, Object Lock on while MFA Delete is unknown", inv(RESTRICTED, versioned(true, true, PREVIEW)), ["pass"]],
    ["compliant: classified public, not customer data", inv({ "data-classification": "public" }, versioned(false)), ["not-applicable"]],
    ["violation: confidential, not versioned", inv(CONFIDENTIAL, versioned(false)), ["fail"]],
    ["violation: restricted, not versioned even with Object Lock unknown", inv(RESTRICTED, versioned(false, PREVIEW)), ["fail"]],
    ["violation: restricted, versioned but neither Object Lock nor MFA Delete", inv(RESTRICTED, versioned(true, false, false)), ["fail"]],
    ["violation: unrecognized classification is restricted", inv({ "data-classification": "top" }, versioned(true, false, false)), ["fail"]],
    ["unknown: versioning computed in preview", inv(CONFIDENTIAL, versioned(PREVIEW)), ["unknown"]],
    ["unknown: GetBucketVersioning denied", inv(CONFIDENTIAL, versioned(DENIED)), ["unknown"]],
    ["unknown: versioning not part of the view", inv(CONFIDENTIAL, undefined), ["unknown"]],
    ["unknown: restricted, Object Lock computed and MFA Delete off", inv(RESTRICTED, versioned(true, PREVIEW, false)), ["unknown"]],
    ["unknown: restricted, Object Lock and MFA Delete not in view", inv(RESTRICTED, versioned(true)), ["unknown"]],
    ["unknown: tags computed", inv(PREVIEW, versioned(false)), ["unknown"]],
  ])("%s", (_name, i, expected) => {
    expect(statuses(run(rule, i))).toEqual(expected);
  });

  it("judges only buckets", () => {
    expect(run(rule, hygieneInventory([[storeOf("dynamodb-table", "t", CONFIDENTIAL), versioned(false)]]))).toEqual([]);
  });

  it("names the bucket, what was observed and what restricted data needs", () => {
    const [o] = run(rule, inv(RESTRICTED, versioned(true, false, false)));
    expect(o?.message).toBe(
      "S3 bucket 'orders' keeps object versions but nothing stops their deletion (objectLockEnabled=false; mfaDelete Disabled); a bucket classified 'restricted' also needs Object Lock or MFA Delete",
    );
    const [u] = run(rule, inv(RESTRICTED, versioned(true, PREVIEW, false)));
    expect(u?.message).toBe("S3 bucket 'orders': whether Object Lock protects the versions cannot be judged: computed during the update");
  });
});
