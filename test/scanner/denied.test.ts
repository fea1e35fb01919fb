import { beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/finding";
import { scannerIamPolicy } from "../../src/scanner/iam-policy";
import type { ScanResult } from "../../src/scanner/scan";
import { ALL_SOURCES } from "../../src/scanner/sources";
import { iamUser } from "../support/iam-user";
import { useMoto } from "../support/moto/use-moto";
import { isGap, scanEndpoint, serviceOf } from "./scan-helpers";
import { seedAccount } from "./seed-account";

// The scanner's identity under moto's IAM enforcement: its own generated policy, less two whole
// services (nothing of them can be listed) and some reads of services it can list.
const DENIED_SERVICES = ["dynamodb", "sqs"];
const DENIED_READS = ["s3:GetEncryptionConfiguration", "s3:GetBucketPolicy", "kms:GetKeyRotationStatus"];

const moto = useMoto();
let result: ScanResult;

beforeAll(async () => {
  await seedAccount(moto().endpoint);
  const policy = scannerIamPolicy(ALL_SOURCES);
  const statement = policy.Statement[0] as { Action: string[] };
  const allowed = statement.Action.filter((a) => !DENIED_SERVICES.includes(a.split(":")[0] ?? "") && !DENIED_READS.includes(a));
  const credentials = await iamUser(moto().endpoint, "cdguard-scanner", { name: "scan", document: { ...policy, Statement: [{ ...statement, Action: allowed }] } });
  await moto().enableIamAuth();
  result = await scanEndpoint(moto().endpoint, { credentials: async () => credentials });
}, 600_000);

const judged = (f: Finding) => !isGap(f);
const onBuckets = (ids: string[]) => result.findings.filter((f) => judged(f) && serviceOf(f) === "s3" && ids.includes(f.rule.id));

describe("a scan whose identity is denied some services and some reads", () => {
  it("reports each service it cannot list as a not-assessed coverage gap", () => {
    const gaps = result.gaps.filter((g) => g.reason === "access-denied").map((g) => g.action);
    // apigateway:GET too: AWS checks every API Gateway read as apigateway:GET, which the scanner's policy allows,
    // but moto checks it under the operation's name (apigateway:GetRestApis), which no IAM policy can grant.
    expect(gaps.sort()).toEqual(["apigateway:GET", "dynamodb:ListTables", "sqs:ListQueues"]);
    for (const service of DENIED_SERVICES) {
      expect(result.findings.filter((f) => judged(f) && serviceOf(f) === service)).toEqual([]);
      const shown = result.findings.filter((f) => isGap(f) && f.resource.id.includes(`:${service}:`));
      expect(shown.length).toBeGreaterThan(0);
      expect(new Set(shown.map((f) => `${f.status} ${f.reason}`))).toEqual(new Set(["not-assessed access-denied"]));
    }
  });

  it("reports every resource it lists but cannot read as not assessed, and passes none of them", () => {
    const encryption = onBuckets(["CDG-ENC-001", "CDG-ENC-002"]);
    expect(encryption.length).toBeGreaterThanOrEqual(4);
    expect(new Set(encryption.map((f) => `${f.status} ${f.reason}`))).toEqual(new Set(["not-assessed access-denied"]));
    const tls = onBuckets(["CDG-NET-007"]);
    expect(new Set(tls.map((f) => `${f.status} ${f.reason}`))).toEqual(new Set(["not-assessed access-denied"]));
    const rotation = result.findings.filter((f) => f.rule.id === "CDG-ENC-003");
    expect(rotation.length).toBe(3);
    expect(new Set(rotation.map((f) => `${f.status} ${f.reason}`))).toEqual(new Set(["not-assessed access-denied"]));
  });

  it("still judges what it may read", () => {
    // (moto checks GetPublicAccessBlock under another action name than AWS's s3:GetBucketPublicAccessBlock,
    // so S3's block settings read as denied here; the S3 emulator test covers them.)
    expect(result.findings.filter((f) => f.rule.id === "CDG-NET-001" && f.status === "fail").map((f) => f.resource.name)).toEqual(["legacy-reporting"]);
    expect(result.findings.filter((f) => f.rule.id === "CDG-ENC-001" && serviceOf(f) === "rds").map((f) => `${f.resource.name} ${f.status}`).sort()).toEqual([
      "legacy-reporting fail",
      "seg-a-accounts pass",
      "seg-b-accounts pass",
      "seg-b-analytics pass",
    ]);
    expect(result.findings.filter((f) => f.rule.id === "CDG-IAM-006" && f.status === "fail").map((f) => f.resource.name).sort()).toEqual(["open-trust", "partner-access"]);
  });
});
