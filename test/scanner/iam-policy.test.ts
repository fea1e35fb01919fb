import { describe, expect, it } from "vitest";
import { IAM_RULES } from "../../src/rules/iam";
import { isReadOnlyAction, scannerIamPolicy } from "../../src/scanner/iam-policy";
import { ALL_SOURCES } from "../../src/scanner/sources";
import { T, judge, role } from "../rules/iam/iam-cases";
import { engineResource } from "../helpers/engine";
import { DATA_PLANE_ACTIONS } from "../support/data-plane";

const policy = scannerIamPolicy(ALL_SOURCES);
const actions = (policy.Statement[0] as { Action: string[] }).Action;

describe("cdguard iam-policy", () => {
  it("allows every action the fetchers declare, and each is a read-only control-plane call", () => {
    for (const s of ALL_SOURCES) for (const a of s.fetcher.actions) expect(actions).toContain(a);
    for (const a of actions) {
      expect(isReadOnlyAction(a), a).toBe(true);
      expect(a).not.toContain("*");
    }
    // Data-plane reads the scanner must never be able to make, whatever a fetcher declares.
    for (const a of DATA_PLANE_ACTIONS) expect(actions).not.toContain(a);
  });

  it("counts API Gateway's GET as a read, and no other service's verb that merely looks alike", () => {
    expect(isReadOnlyAction("apigateway:GET")).toBe(true);
    expect(isReadOnlyAction("apigateway:POST")).toBe(false);
    expect(isReadOnlyAction("s3:GET")).toBe(false);
    expect(isReadOnlyAction("s3:PutObject")).toBe(false);
  });

  it("passes the project's own least-privilege rules, attached to a role", () => {
    const document = JSON.stringify(policy);
    const resources = [role("cdguard-scanner"), engineResource(T.rolePolicy, "scanner-read", { role: "cdguard-scanner", policy: document })];
    for (const rule of IAM_RULES) {
      const failures = judge(rule, resources).filter((o) => o.status === "fail");
      expect(failures.map((o) => `${rule.id}: ${o.message}`)).toEqual([]);
    }
  });
});
