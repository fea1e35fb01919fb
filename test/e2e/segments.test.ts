// Two customer segments done right and done wrong, recorded in preview and judged by the real pack.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeProgram, type ProgramAnalysis } from "../../src/engine-client/analyze-program";
import { startPack, type PackClient } from "../../src/engine-client/harness";
import { repoRoot } from "../../src/engine-client/repo-root";
import { withoutHygiene } from "./pillars";

const root = repoRoot(__dirname);
let pack: PackClient;
let compliant: ProgramAnalysis;
let violations: ProgramAnalysis;

beforeAll(async () => {
  pack = await startPack(root);
  await pack.configure({});
  compliant = await analyzeProgram(pack, join(root, "examples", "segments-compliant"));
  violations = await analyzeProgram(pack, join(root, "examples", "segments-violations"));
});
afterAll(async () => {
  await pack?.close();
});

const urn = (type: string, name: string) => `urn:pulumi:dev::tenants-violations::${type}::${name}`;

describe("segregated customer segments (preview)", () => {
  it("the compliant program has no violation", () => {
    expect(withoutHygiene(compliant.diagnostics)).toEqual([]);
  });

  it("the violations program gets exactly the planted violations, URNs included", () => {
    const got = withoutHygiene(violations.diagnostics).map((d) => `${d.policyName} ${d.urn}`).sort();
    expect(got).toEqual(
      [
        `data-store-in-private-subnets ${urn("aws:rds/instance:Instance", "tenant-b-db")}`,
        `data-store-security-groups-closed-to-internet ${urn("aws:rds/instance:Instance", "tenant-b-db")}`,
        `no-network-path-between-segments ${urn("aws:ec2/vpcPeeringConnection:VpcPeeringConnection", "tenant-a-to-b")}`,
        `no-network-path-between-segments ${urn("aws:rds/instance:Instance", "tenant-b-db")}`,
        `no-principal-reaches-two-segments ${urn("aws:iam/role:Role", "reporting")}`,
        `security-groups-closed-to-internet-on-data-ports ${urn("aws:ec2/securityGroup:SecurityGroup", "tenant-b-db")}`,
        `security-groups-closed-to-internet-on-data-ports ${urn("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "tenant-b-db-from-anywhere")}`,
        `segment-resources-not-shared ${urn("aws:kms/key:Key", "tenant-a-key")}`,
      ].sort(),
    );
  });

  it("says which segments meet where", () => {
    const text = violations.diagnostics.map((d) => d.message).join("\n");
    expect(text).toContain("KMS key 'tenant-a-key' is shared by segments 'tenant-a'");
    expect(text).toContain("IAM role 'reporting' can reach the data of segments 'tenant-a' (S3 bucket 'tenant-a-documents') and 'tenant-b' (S3 bucket 'tenant-b-documents')");
    expect(text).toContain("rule tenant-b-db-from-tenant-a-app admits compute of segment 'tenant-a'");
  });
});
