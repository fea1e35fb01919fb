import { describe, expect, it } from "vitest";
import { IAM_RULES } from "../../src/rules/iam";
import { READ_ONLY_VERBS, scannerIamPolicy } from "../../src/scanner/iam-policy";
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
      const verb = a.split(":")[1] ?? "";
      expect(READ_ONLY_VERBS.some((v) => verb.startsWith(v)), a).toBe(true);
      expect(a).not.toContain("*");
    }
    // Data-plane reads the scanner must never be able to make, whatever a fetcher declares.
    for (const a of DATA_PLANE_ACTIONS) expect(actions).not.toContain(a);
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
