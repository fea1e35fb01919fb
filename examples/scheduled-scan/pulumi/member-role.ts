// The role every member account must have for the scan: `<orgRoleName>`, trusting only the scan task role,
// holding the scanner's generated read-only policy. A service-managed stack set deploys it to the organization
// (new accounts get it automatically; the management account itself is scanned with the task role).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyDocument } from "./policy-documents";
import type { Settings } from "./settings";

/** The CloudFormation template of the member role: one managed policy per part of the read-only policy. */
export function memberRoleTemplate(roleName: string, trustedRoleArn: string, parts: readonly PolicyDocument[]): Record<string, unknown> {
  const policyIds = parts.map((_, i) => `ScannerReadOnly${i + 1}`);
  const policies = Object.fromEntries(parts.map((doc, i) => [policyIds[i], {
    Type: "AWS::IAM::ManagedPolicy",
    Properties: { Description: `cdguard's read-only scan policy, part ${i + 1} of ${parts.length}`, PolicyDocument: doc },
  }]));
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: "The role cdguard's organization scan assumes: read-only, trusted by the scan task role only",
    Resources: {
      ...policies,
      ScannerRole: {
        Type: "AWS::IAM::Role",
        Properties: {
          RoleName: roleName,
          Description: "cdguard organization scan (read-only)",
          AssumeRolePolicyDocument: {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { AWS: trustedRoleArn }, Action: "sts:AssumeRole" }],
          },
          ManagedPolicyArns: policyIds.map((id) => ({ Ref: id })),
        },
      },
    },
  };
}

export function createMemberRole(s: Settings, scanRole: aws.iam.Role, parts: PolicyDocument[], region: pulumi.Input<string>): aws.cloudformation.StackSet {
  const stackSet = new aws.cloudformation.StackSet("member-scan-role", {
    name: `${s.prefix}-member-scan-role`,
    description: "cdguard's read-only scan role in every member account",
    permissionModel: "SERVICE_MANAGED",
    callAs: s.stackSetCallAs,
    autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
    capabilities: ["CAPABILITY_NAMED_IAM"],
    managedExecution: { active: true },
    operationPreferences: { failureTolerancePercentage: 10, maxConcurrentPercentage: 50, regionConcurrencyType: "PARALLEL" },
    templateBody: scanRole.arn.apply((arn) => JSON.stringify(memberRoleTemplate(s.orgRoleName, arn, parts))),
  }, { ignoreChanges: ["administrationRoleArn"] });
  if (s.organizationRootId === undefined) {
    pulumi.log.warn("organizationRootId is not set: the member scan role is deployed to no account; set it to the organization root (r-xxxx)", stackSet);
  } else {
    // IAM is global: one region's stack instance per account is enough.
    new aws.cloudformation.StackSetInstance("member-scan-role", {
      stackSetName: stackSet.name,
      callAs: s.stackSetCallAs,
      deploymentTargets: { organizationalUnitIds: [s.organizationRootId] },
      stackSetInstanceRegion: region,
      operationPreferences: { failureTolerancePercentage: 10, maxConcurrentPercentage: 50 },
      retainStack: false,
    });
  }
  return stackSet;
}
