// The scheduled scan program with its settings given (recorded under mocks with every value known): the member
// role reaches the organization root, an existing network is used as is, N and the image flow into the
// definition and the execution role. The defaults are covered by test/e2e/scheduled-scan-pack.test.ts.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { recordProgram, type RecordedResource } from "../../src/engine-client/record";
import { repoRoot } from "../../src/engine-client/repo-root";

const program = join(repoRoot(__dirname), "examples", "scheduled-scan", "pulumi", "index.ts");
const key = (k: string) => `cdguard-scheduled-scan:${k}`;
let resources: RecordedResource[];
const ofType = (type: string) => resources.filter((r) => r.type === type);

beforeAll(async () => {
  resources = await recordProgram(program, {
    stack: "prod",
    preview: false,
    config: {
      "aws:region": "eu-west-1",
      [key("organizationRootId")]: "r-ab12",
      [key("stackSetCallAs")]: "DELEGATED_ADMIN",
      [key("vpcId")]: "vpc-0123",
      [key("privateSubnetIds")]: JSON.stringify(["subnet-0a", "subnet-0b"]),
      [key("imageUri")]: "444455556666.dkr.ecr.eu-west-1.amazonaws.com/security/cdguard:0.2.0",
      [key("shardCount")]: "4",
      [key("orgRoleName")]: "CdgScanner",
    },
  });
}, 120_000);

describe("the scheduled scan with its settings given", () => {
  it("deploys the member role over the organization root, as a delegated administrator", () => {
    const [instance, ...more] = ofType("aws:cloudformation/stackSetInstance:StackSetInstance");
    expect(more).toEqual([]);
    expect(instance?.properties).toMatchObject({
      callAs: "DELEGATED_ADMIN", deploymentTargets: { organizationalUnitIds: ["r-ab12"] }, stackSetInstanceRegion: "eu-west-1",
    });
    const template = JSON.parse(String(ofType("aws:cloudformation/stackSet:StackSet")[0]?.properties.templateBody)) as {
      Resources: { ScannerRole: { Properties: { RoleName: string } } };
    };
    expect(template.Resources.ScannerRole.Properties.RoleName).toBe("CdgScanner");
  });

  it("uses the given network and builds none", () => {
    expect(ofType("aws:ec2/vpc:Vpc")).toEqual([]);
    expect(ofType("aws:ec2/natGateway:NatGateway")).toEqual([]);
    expect(ofType("aws:ec2/securityGroup:SecurityGroup").map((g) => g.properties.vpcId)).toEqual(["vpc-0123"]);
    const definition = String(ofType("aws:sfn/stateMachine:StateMachine")[0]?.properties.definition);
    expect(definition).toContain('"Subnets":["subnet-0a","subnet-0b"]');
    expect(definition).toContain("States.ArrayRange(1, 4, 1)");
    expect(definition).toContain("'--org-role-name', 'CdgScanner'");
  });

  it("runs the given image and lets the execution role pull only from its repository", () => {
    for (const t of ofType("aws:ecs/taskDefinition:TaskDefinition")) {
      expect((JSON.parse(String(t.properties.containerDefinitions)) as { image: string }[])[0]?.image)
        .toBe("444455556666.dkr.ecr.eu-west-1.amazonaws.com/security/cdguard:0.2.0");
    }
    const execution = resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === "task-execution");
    const statements = (JSON.parse(String(execution?.properties.policy)) as { Statement: { Sid: string; Resource: unknown }[] }).Statement;
    expect(statements.map((s) => [s.Sid, s.Resource])).toEqual([
      ["EcrToken", "*"],
      ["PullScannerImage", "arn:aws:ecr:eu-west-1:444455556666:repository/security/cdguard"],
      ["WriteTaskLogs", expect.stringMatching(/:log-stream:\*$/)],
    ]);
  });

  it("the scan task role may assume the member role only within its organization, and write only shard files", () => {
    const policy = resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === "scan-task-organization");
    const statements = (JSON.parse(String(policy?.properties.policy)) as { Statement: { Sid?: string; Action: unknown; Resource: unknown; Condition?: unknown }[] }).Statement;
    expect(statements.find((s) => s.Sid === "AssumeMemberScanRole")).toEqual({
      Sid: "AssumeMemberScanRole", Effect: "Allow", Action: "sts:AssumeRole", Resource: "arn:aws:iam::*:role/CdgScanner",
      Condition: { StringEquals: { "aws:ResourceOrgID": "${aws:PrincipalOrgID}" } },
    });
    expect(statements.find((s) => s.Sid === "WriteShardFiles")?.Resource).toMatch(/^arn:aws:s3:::reports-[0-9a-f]{7}\/runs\/\*\/shards\/\*$/);
  });
});
