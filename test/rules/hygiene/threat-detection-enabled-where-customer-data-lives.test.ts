import { describe, expect, it } from "vitest";
import type { Tags } from "../../../src/core/classification";
import type { Val } from "../../../src/core/value";
import type { DataStore, StoreKind } from "../../../src/models/data-store";
import type { Setting, ThreatDetector } from "../../../src/models/hygiene";
import { storeLabel } from "../../../src/models/store-kind-facts";
import { threatDetectionEnabledWhereCustomerDataLives as rule } from "../../../src/rules/hygiene/threat-detection-enabled-where-customer-data-lives";
import { run, statuses } from "../../helpers/models";
import { CONFIDENTIAL, DENIED, hygieneInventory, PREVIEW, setting, storeOf } from "./readiness-models";

const ACCOUNT = "111122223333";
const EU = "eu-west-1";
const US = "us-east-1";
const ON = { "s3-data-events": setting(true, "S3_DATA_EVENTS ENABLED"), "rds-login-events": setting(true, "RDS_LOGIN_EVENTS ENABLED") };

/** A store as the scanner sees it: ARN id, account and region. */
const scanned = (kind: StoreKind, name: string, region = EU, tags: Val<Tags | undefined> = CONFIDENTIAL): DataStore =>
  storeOf(kind, name, tags, { ref: { id: `arn:aws:${kind}:${region}:${ACCOUNT}:${name}`, type: kind, name, label: storeLabel(kind), account: ACCOUNT, region } });

const guardDuty = (over: { enabled?: Val<boolean>; protections?: Record<string, Setting<boolean>> | undefined; region?: string; name?: string } = {}): ThreatDetector => {
  const region = over.region ?? EU;
  const name = over.name ?? `detector-${region}`;
  const protections = "protections" in over ? over.protections : ON;
  return {
    model: "threat-detector",
    ref: { id: `arn:aws:guardduty:${region}:${ACCOUNT}:detector/${name}`, type: "AWS::GuardDuty::Detector", name, label: "GuardDuty detector", account: ACCOUNT, region },
    service: "guardduty",
    region,
    enabled: setting(over.enabled ?? true, over.enabled === false ? "Status=DISABLED" : "Status=ENABLED"),
    ...(protections ? { protections } : {}),
  };
};
const macie = (enabled: Val<boolean> = true, region = EU): ThreatDetector => ({
  model: "threat-detector",
  ref: { id: `arn:aws:macie2:${region}:${ACCOUNT}:session`, type: "AWS::Macie::Session", name: `macie-${region}`, label: "Macie session", account: ACCOUNT, region },
  service: "macie",
  region,
  enabled: setting(enabled, enabled === false ? "status=PAUSED" : "status=ENABLED"),
});
const off = (key: string) => ({ ...ON, [key]: setting(false, `${key.toUpperCase()} DISABLED`) });

const account = (stores: DataStore[], detectors: ThreatDetector[]) => ({
  ...hygieneInventory(stores.map((s) => [s, undefined] as const), { detectors }, "account"),
  ownAccountIds: [ACCOUNT],
});
const stack = (stores: DataStore[], detectors: ThreatDetector[]) => hygieneInventory(stores.map((s) => [s, undefined] as const), { detectors }, "stack");

const bucket = scanned("s3-bucket", "orders");
const database = scanned("rds-instance", "orders-db");

describe("CDG-HYG-018 threat-detection-enabled-where-customer-data-lives", () => {
  describe('scope "account" (scanner): every region holding customer data', () => {
    it.each<[string, ReturnType<typeof account>, string[]]>([
      ["compliant: bucket watched by GuardDuty with S3 protection and Macie", account([bucket], [guardDuty(), macie()]), ["pass"]],
      ["compliant: RDS watched with RDS login monitoring", account([database], [guardDuty(), macie()]), ["pass"]],
      ["compliant: no RDS here, RDS login monitoring not needed", account([bucket], [guardDuty({ protections: off("rds-login-events") }), macie()]), ["pass"]],
      ["compliant: one of two detectors is enough", account([bucket], [guardDuty({ enabled: false, name: "old" }), guardDuty(), macie()]), ["pass"]],
      ["compliant: only public data: not applicable", account([scanned("s3-bucket", "site", EU, { "data-classification": "public" })], []), ["not-applicable"]],
      ["compliant: no stores: not applicable", account([], []), ["not-applicable"]],
      ["violation: no detector at all", account([bucket], []), ["fail"]],
      ["violation: GuardDuty and Macie only in another region", account([bucket], [guardDuty({ region: US }), macie(true, US)]), ["fail"]],
      ["violation: GuardDuty disabled", account([bucket], [guardDuty({ enabled: false }), macie()]), ["fail"]],
      ["violation: S3 protection off", account([bucket], [guardDuty({ protections: off("s3-data-events") }), macie()]), ["fail"]],
      ["violation: RDS holds customer data, RDS login monitoring off", account([database], [guardDuty({ protections: off("rds-login-events") }), macie()]), ["fail"]],
      ["violation: Macie missing", account([bucket], [guardDuty()]), ["fail"]],
      ["violation: Macie paused", account([bucket], [guardDuty(), macie(false)]), ["fail"]],
      ["violation: a missing detector fails even when another part is unknown", account([bucket], [macie(DENIED)]), ["fail"]],
      ["violation: each region judged: one watched, one not", account([bucket, scanned("s3-bucket", "orders-us", US)], [guardDuty(), macie()]), ["pass", "fail"]],
      ["unknown: GetDetector denied", account([bucket], [guardDuty({ enabled: DENIED }), macie()]), ["unknown"]],
      ["unknown: the detector's protections not in view", account([bucket], [guardDuty({ protections: undefined }), macie()]), ["unknown"]],
      ["unknown: Macie session denied", account([bucket], [guardDuty(), macie(DENIED)]), ["unknown"]],
      ["unknown: RDS with unknown tags and RDS login monitoring off", account([bucket, scanned("rds-instance", "db", EU, DENIED)], [guardDuty({ protections: off("rds-login-events") }), macie()]), ["unknown"]],
      ["unknown: the region's only store has unknown tags", account([scanned("s3-bucket", "b", EU, PREVIEW)], []), ["unknown"]],
    ])("%s", (_name, i, expected) => {
      expect(statuses(run(rule, i))).toEqual(expected);
    });

    it("fails on the account in the region, naming the data and what is missing", () => {
      const [o] = run(rule, account([bucket, database], [guardDuty({ protections: off("rds-login-events") })]));
      expect(o?.resource).toMatchObject({ id: `arn:aws::${EU}:${ACCOUNT}`, type: "AWS::Account", label: "AWS account", account: ACCOUNT, region: EU });
      expect(o?.message).toBe(
        `AWS account '${ACCOUNT} in ${EU}' holds customer data (S3 bucket 'orders'; RDS instance 'orders-db') but GuardDuty detector 'detector-${EU}' has rds-login-events protection off (RDS-LOGIN-EVENTS DISABLED); Macie is not enabled; ` +
          "required: GuardDuty with s3-data-events protection (and rds-login-events where RDS holds customer data) and Macie",
      );
    });
  });

  describe('scope "stack" (pack): declared detectors only', () => {
    const local = storeOf("rds-instance", "db", CONFIDENTIAL);
    it.each<[string, ReturnType<typeof stack>, string[]]>([
      ["compliant: no detector declared: not applicable, even with customer data", stack([bucket, local], []), ["not-applicable"]],
      ["compliant: a declared detector with S3 protection", stack([storeOf("s3-bucket", "b", CONFIDENTIAL)], [guardDuty({ protections: off("rds-login-events") })]), ["pass"]],
      ["compliant: declared detector and Macie with RDS in the stack", stack([local], [guardDuty(), macie()]), ["pass", "pass"]],
      ["violation: a declared detector without S3 protection", stack([], [guardDuty({ protections: off("s3-data-events") })]), ["fail"]],
      ["violation: RDS customer data in the stack, RDS login monitoring off", stack([local], [guardDuty({ protections: off("rds-login-events") })]), ["fail"]],
      ["violation: a declared detector disabled", stack([], [guardDuty({ enabled: false })]), ["fail"]],
      ["violation: Macie declared paused", stack([], [macie(false)]), ["fail"]],
      ["unknown: enable computed in preview", stack([], [guardDuty({ enabled: PREVIEW })]), ["unknown"]],
      ["unknown: Macie status computed", stack([], [macie(PREVIEW)]), ["unknown"]],
    ])("%s", (_name, i, expected) => {
      expect(statuses(run(rule, i))).toEqual(expected);
    });

    it("names the detector and the missing protection", () => {
      const [o] = run(rule, stack([], [guardDuty({ protections: off("s3-data-events"), name: "main" })]));
      expect(o?.message).toBe(
        "GuardDuty detector 'main' has s3-data-events protection off (S3-DATA-EVENTS DISABLED); required: GuardDuty with s3-data-events protection (and rds-login-events where RDS holds customer data) and Macie",
      );
    });
  });
});
