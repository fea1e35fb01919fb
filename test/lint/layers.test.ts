// The layering of ../shared/DESIGN.md is enforced by the lint: each case lints a one-line module as if it
// lived at `file`, with the repository's own ESLint configuration.
import { ESLint } from "eslint";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: join(__dirname, "..", "..") });

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const x = 1;\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId?.endsWith("no-restricted-imports")).map((m) => m.message);
}

describe("layer lint", () => {
  it.each([
    ["a rule importing the Pulumi adapter", "src/rules/encryption/x.ts", 'import "../../adapters/pulumi/props";'],
    ["a rule importing the Pulumi front", "src/rules/network/x.ts", 'import "../../pulumi/policy";'],
    ["a rule importing @pulumi/policy", "src/rules/iam/x.ts", 'import "@pulumi/policy";'],
    ["a rule importing the AWS SDK", "src/rules/iam/x.ts", 'import "@aws-sdk/client-iam";'],
    ["a model importing a rule", "src/models/x.ts", 'import "../rules/index";'],
    ["a model importing an adapter", "src/models/x.ts", 'import "../adapters/aws/stores";'],
    ["the IAM library importing a fetcher", "src/iam/x.ts", 'import "../fetchers/aws/iam";'],
    ["the core importing models", "src/core/x.ts", 'import "../models/inventory";'],
    ["the core importing the IAM library", "src/core/x.ts", 'import "../iam/index";'],
    ["a script importing a test helper", "scripts/x.ts", 'import "../test/helpers/engine";'],
    ["the engine client importing a test helper", "src/engine-client/x.ts", 'import "../../test/e2e/whatever";'],
    ["an AWS adapter calling the AWS SDK", "src/adapters/aws/x.ts", 'import { S3Client } from "@aws-sdk/client-s3";\nvoid S3Client;'],
    ["the scanner calling the AWS SDK", "src/scanner/x.ts", 'import { STSClient } from "@aws-sdk/client-sts";\nvoid STSClient;'],
    ["the CLI importing a test helper", "src/cli/x.ts", 'import "../../test/support/aws-context";'],
    ["the access map importing a renderer", "src/access/x.ts", 'import "../reports/inventory/index";'],
    ["the access map importing the scanner", "src/access/x.ts", 'import "../scanner/scan";'],
    ["the access map importing the Pulumi adapter", "src/access/x.ts", 'import "../adapters/pulumi/inventory";'],
  ])("refuses %s", async (_what, file, source) => {
    expect(await restrictedImports(file, source)).not.toEqual([]);
  });

  it.each([
    ["a rule importing the core and a model", "src/rules/encryption/x.ts", 'import "../../core/outcome";\nimport "../../models/data-store";'],
    ["a rule importing the IAM library", "src/rules/iam/x.ts", 'import "../../iam/index";'],
    ["the core importing itself", "src/core/x.ts", 'import "./value";'],
    ["the Pulumi front importing the adapter", "src/pulumi/x.ts", 'import "../adapters/pulumi/inventory";\nimport "@pulumi/policy";'],
    ["a test importing test helpers", "test/rules/x.test.ts", 'import "../helpers/engine";'],
    ["an AWS adapter naming the SDK's answer shapes", "src/adapters/aws/x.ts", 'import type { Bucket } from "@aws-sdk/client-s3";\nexport type B = Bucket;'],
    ["a fetcher calling the AWS SDK", "src/fetchers/aws/x.ts", 'import { S3Client } from "@aws-sdk/client-s3";\nvoid S3Client;'],
    ["the access map reading models, the IAM library and rule facts", "src/access/x.ts", 'import "../models/inventory";\nimport "../iam/index";\nimport "../rules/segregation/segment-facts";'],
  ])("allows %s", async (_what, file, source) => {
    expect(await restrictedImports(file, source)).toEqual([]);
  });
});
