import { describe, expect, it } from "vitest";
import type { HygieneInventory, Trail } from "../../../src/models/hygiene";
import type { Inventory } from "../../../src/models/inventory";
import { cloudtrailRecordsEveryRegionWithValidatedEncryptedLogs as rule } from "../../../src/rules/hygiene/cloudtrail-records-every-region-with-validated-encrypted-logs";
import { run, statuses } from "../../helpers/models";
import { DENIED, hygiene, PREVIEW, setting, storeOf } from "./transit-audit-fixtures";

const ACCOUNT = "111122223333";
const trail = (name = "audit", over: Partial<Trail> = {}): Trail => ({
  model: "trail",
  ref: { id: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/${name}`, type: "AWS::CloudTrail::Trail", name, label: "CloudTrail trail", account: ACCOUNT },
  multiRegion: setting(true, "IsMultiRegionTrail=true"),
  logFileValidation: setting(true, "LogFileValidationEnabled=true"),
  kmsKey: setting<string | undefined>("arn:aws:kms:eu-west-1:111122223333:key/abc", "KmsKeyId set"),
  logging: setting(true, "IsLogging=true"),
  dataEvents: [],
  ...over,
});
const inv = (scope: HygieneInventory["scope"], ...trails: Trail[]): Partial<Inventory> => ({ ownAccountIds: [ACCOUNT], hygiene: hygiene(scope, {}, { trails }) });

describe("CDG-HYG-005 cloudtrail-records-every-region-with-validated-encrypted-logs", () => {
  describe("scope account (a scan): a trail per trail, and the account", () => {
    it.each<[string, Partial<Inventory>, string[]]>([
      ["compliant: one complete trail", inv("account", trail()), ["pass", "pass"]],
      ["compliant: an incomplete trail beside a complete one (the trail is still a finding)", inv("account", trail("old", { multiRegion: setting(false, "IsMultiRegionTrail=false") }), trail()), ["fail", "pass", "pass"]],
      ["violation: no trail at all", inv("account"), ["fail"]],
      ["violation: single-region trail", inv("account", trail("audit", { multiRegion: setting(false, "IsMultiRegionTrail=false") })), ["fail", "fail"]],
      ["violation: log file validation off", inv("account", trail("audit", { logFileValidation: setting(false, "LogFileValidationEnabled=false") })), ["fail", "fail"]],
      ["violation: SSE-S3 only", inv("account", trail("audit", { kmsKey: setting<string | undefined>(undefined, "no KmsKeyId (SSE-S3)") })), ["fail", "fail"]],
      ["violation: logging stopped", inv("account", trail("audit", { logging: setting(false, "IsLogging=false") })), ["fail", "fail"]],
      ["unknown: GetTrailStatus denied", inv("account", trail("audit", { logging: setting<boolean>(DENIED, "cloudtrail:GetTrailStatus denied") })), ["unknown", "unknown"]],
    ])("%s", (_name, i, expected) => {
      expect(statuses(run(rule, i))).toEqual(expected);
    });

    it("names the account as the scanner does and says what is required", () => {
      const outcomes = run(rule, inv("account"));
      expect(outcomes[0]?.resource).toEqual({ id: `arn:aws:::${ACCOUNT}`, type: "AWS::Account", name: ACCOUNT, label: "AWS account", account: ACCOUNT });
      expect(outcomes[0]?.message).toBe(
        `AWS account '${ACCOUNT}' has no complete audit trail: it has no CloudTrail trail (required: a logging, multi-region trail with log file validation and a KMS key)`,
      );
    });

    it("names every missing setting of a trail", () => {
      const [o] = run(rule, inv("account", trail("audit", { multiRegion: setting(false, "IsMultiRegionTrail=false"), kmsKey: setting<string | undefined>(undefined, "no KmsKeyId") })));
      expect(o?.message).toBe(
        "CloudTrail trail 'audit' is not a complete audit trail: IsMultiRegionTrail=false (required: multi-region); no KmsKeyId (required: log files encrypted with a KMS key)",
      );
    });
  });

  describe("scope stack (the pack): only the trails the stack declares", () => {
    it.each<[string, Partial<Inventory>, string[]]>([
      ["compliant: a declared complete trail", inv("stack", trail()), ["pass"]],
      ["compliant: no trail declared is not applicable (the account may have one)", inv("stack"), ["not-applicable"]],
      ["violation: a declared single-region trail", inv("stack", trail("audit", { multiRegion: setting(false, "isMultiRegionTrail not set (default false)") })), ["fail"]],
      ["unknown: the KMS key is computed in preview", inv("stack", trail("audit", { kmsKey: setting<string | undefined>(PREVIEW, "kmsKeyId computed") })), ["unknown"]],
    ])("%s", (_name, i, expected) => {
      expect(statuses(run(rule, i))).toEqual(expected);
    });
  });

  it("unknown: not assessed when the view holds no hygiene part", () => {
    expect(run(rule, { ownAccountIds: [ACCOUNT] })).toMatchObject([{ status: "unknown", reason: "not-fetched" }]);
  });

  it("classification does not change it: the trail covers the whole account", () => {
    const weak = trail("audit", { logFileValidation: setting(false, "LogFileValidationEnabled=false") });
    for (const level of ["restricted", "confidential", "public"]) {
      const i = { ...inv("account", weak), stores: [storeOf("s3-bucket", "b", level)] };
      expect(statuses(run(rule, i)), level).toEqual(["fail", "fail"]);
    }
  });
});
