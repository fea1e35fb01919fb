import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../../src/adapters/pulumi/engine-resource";
import { buildInventory } from "../../../../src/adapters/pulumi/inventory";
import { resourcePoliciesNotPublic as rule } from "../../../../src/rules/network/resource-policies-not-public";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";
import { run } from "../../../helpers/models";

/** Issue 11: public resource policies of the services that hold or serve data beyond stores and keys. */
const X = {
  repo: "aws:ecr/repository:Repository",
  repoPolicy: "aws:ecr/repositoryPolicy:RepositoryPolicy",
  fn: "aws:lambda/function:Function",
  permission: "aws:lambda/permission:Permission",
  url: "aws:lambda/functionUrl:FunctionUrl",
  vault: "aws:glacier/vault:Vault",
  logs: "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
  glue: "aws:glue/resourcePolicy:ResourcePolicy",
  bus: "aws:cloudwatch/eventBus:EventBus",
  busPolicy: "aws:cloudwatch/eventBusPolicy:EventBusPolicy",
  eventPermission: "aws:cloudwatch/eventPermission:EventPermission",
  api: "aws:apigateway/restApi:RestApi",
  apiPolicy: "aws:apigateway/restApiPolicy:RestApiPolicy",
} as const;

const doc = (statement: Record<string, unknown>) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Resource: "*", ...statement }] });
const PUBLIC = (action: string) => doc({ Principal: "*", Action: action });
const ACCOUNT = (action: string) => doc({ Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: action });
const ORG = (action: string) => doc({ Principal: "*", Action: action, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } });
/** A document built by `pulumi.jsonStringify` from another resource's output: unknown in preview. */
const COMPUTED = { policy: UNKNOWN };
const dep = (property: string, type: string, name: string) => ({ [property]: [urnOf(type, name)] });

const fn = (tags?: Record<string, string>) => engineResource(X.fn, "orders-fn", { name: "orders-fn", ...(tags ? { tags } : {}) });
const repo = engineResource(X.repo, "images", { name: "images" });
const bus = engineResource(X.bus, "orders-bus", { name: "orders-bus" });
const api = (policy?: unknown) => engineResource(X.api, "orders-api", { name: "orders-api", ...(policy === undefined ? {} : { policy }) });
const permission = (props: Record<string, unknown>, deps: Record<string, string[]> = {}) =>
  engineResource(X.permission, "invoke", { function: UNKNOWN, action: "lambda:InvokeFunction", ...props }, { function: [urnOf(X.fn, "orders-fn")], ...deps });
const url = (authorizationType: string) => engineResource(X.url, "orders-url", { functionName: UNKNOWN, authorizationType }, { functionName: [urnOf(X.fn, "orders-fn")] });

/** "<status> <resource name>" of CDG-NET-008 for each policy of the stack. */
function verdicts(resources: EngineResource[]): string[] {
  const inventory = buildInventory(resources);
  return run(rule, inventory).map((o) => `${o.status} ${o.resource.name}`);
}

describe("CDG-NET-008 on the resource policies of data services (Pulumi front)", () => {
  it.each<[string, EngineResource[], string[]]>([
    // ECR repositories.
    ["ECR compliant: pull granted to one account", [repo, engineResource(X.repoPolicy, "images", { repository: "images", policy: ACCOUNT("ecr:BatchGetImage") })], ["pass images"]],
    ["ECR violation: anyone may pull", [repo, engineResource(X.repoPolicy, "images", { repository: UNKNOWN, policy: PUBLIC("ecr:BatchGetImage") }, dep("repository", X.repo, "images"))], ["fail images"]],
    // ECR repository policies name no Resource: the statement governs the repository.
    ["ECR violation: anyone may pull, written without Resource as ECR policies are", [repo, engineResource(X.repoPolicy, "images", { repository: "images", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage"] }] }) })], ["fail images"]],
    ["ECR compliant: one account, written without Resource", [repo, engineResource(X.repoPolicy, "images", { repository: "images", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "ecr:BatchGetImage" }] }) })], ["pass images"]],
    ["ECR unknown: the policy is computed", [repo, engineResource(X.repoPolicy, "images", { repository: "images", ...COMPUTED }, dep("policy", X.repo, "images"))], ["unknown images"]],
    // Lambda permissions.
    ["Lambda compliant: a service principal tied to its source", [fn(), permission({ principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::orders-uploads" })], ["pass invoke"]],
    ["Lambda compliant: another account", [fn(), permission({ principal: "111122223333" })], ["pass invoke"]],
    ["Lambda compliant: everyone in the organization", [fn(), permission({ principal: "*", principalOrgId: "o-abc123" })], ["pass invoke"]],
    ["Lambda violation: principal * and no source condition", [fn(), permission({ principal: "*" })], ["fail invoke"]],
    ["Lambda unknown: the principal comes from another resource", [fn(), permission({ principal: UNKNOWN }, dep("principal", X.repo, "images"))], ["unknown invoke"]],
    ["Lambda compliant: a function tagged public", [fn({ "data-classification": "public" }), permission({ principal: "*" })], ["not-applicable invoke"]],
    // Lambda function URLs.
    ["function URL compliant: AWS_IAM", [fn(), url("AWS_IAM")], ["pass orders-url"]],
    ["function URL violation: authorizationType NONE", [fn(), url("NONE")], ["fail orders-url"]],
    ["function URL unknown: authorizationType computed", [fn(), engineResource(X.url, "orders-url", { functionName: "orders-fn", authorizationType: UNKNOWN }, dep("authorizationType", X.repo, "images"))], ["unknown orders-url"]],
    // Glacier vaults.
    ["Glacier compliant: one account", [engineResource(X.vault, "archive", { name: "archive", accessPolicy: ACCOUNT("glacier:InitiateJob") })], ["pass archive"]],
    ["Glacier violation: anyone may retrieve archives", [engineResource(X.vault, "archive", { name: "archive", accessPolicy: PUBLIC("glacier:InitiateJob") })], ["fail archive"]],
    ["Glacier unknown: the access policy is computed", [engineResource(X.vault, "archive", { name: "archive", accessPolicy: UNKNOWN }, dep("accessPolicy", X.repo, "images"))], ["unknown archive"]],
    // CloudWatch Logs resource policies (account-wide).
    ["Logs compliant: a service principal tied to the account", [engineResource(X.logs, "delivery", { policyName: "delivery", policyDocument: doc({ Principal: { Service: "delivery.logs.amazonaws.com" }, Action: "logs:PutLogEvents", Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } } }) })], ["pass delivery"]],
    ["Logs violation: anyone may write and read", [engineResource(X.logs, "delivery", { policyName: "delivery", policyDocument: PUBLIC("logs:*") })], ["fail delivery"]],
    ["Logs unknown: the document is computed", [engineResource(X.logs, "delivery", { policyName: "delivery", policyDocument: UNKNOWN }, dep("policyDocument", X.repo, "images"))], ["unknown delivery"]],
    // Glue Data Catalog (account-wide).
    ["Glue compliant: the organization only", [engineResource(X.glue, "catalog", { policy: ORG("glue:GetTable") })], ["pass catalog"]],
    ["Glue violation: anyone may read the catalog", [engineResource(X.glue, "catalog", { policy: PUBLIC("glue:GetTable") })], ["fail catalog"]],
    ["Glue unknown: the policy is computed", [engineResource(X.glue, "catalog", COMPUTED, dep("policy", X.repo, "images"))], ["unknown catalog"]],
    // EventBridge buses.
    ["EventBridge compliant: the organization may put events", [bus, engineResource(X.busPolicy, "bus", { eventBusName: "orders-bus", policy: ORG("events:PutEvents") })], ["pass bus"]],
    ["EventBridge violation: anyone may put events on the default bus", [engineResource(X.busPolicy, "bus", { policy: PUBLIC("events:PutEvents") })], ["fail bus"]],
    ["EventBridge violation: an EventPermission for principal *", [bus, engineResource(X.eventPermission, "all", { principal: "*", statementId: "all", eventBusName: UNKNOWN }, dep("eventBusName", X.bus, "orders-bus"))], ["fail all"]],
    ["EventBridge compliant: an EventPermission scoped by organization", [bus, engineResource(X.eventPermission, "org", { principal: "*", statementId: "org", eventBusName: "orders-bus", condition: { key: "aws:PrincipalOrgID", type: "StringEquals", value: "o-abc123" } })], ["pass org"]],
    ["EventBridge unknown: the policy is computed", [bus, engineResource(X.busPolicy, "bus", { eventBusName: "orders-bus", ...COMPUTED }, dep("policy", X.repo, "images"))], ["unknown bus"]],
    // API Gateway.
    ["API Gateway compliant: no policy on the API", [api()], []],
    ["API Gateway compliant: invoke from a VPC endpoint only", [api(doc({ Principal: "*", Action: "execute-api:Invoke", Condition: { StringEquals: { "aws:SourceVpce": "vpce-0abc" } } }))], ["pass orders-api"]],
    ["API Gateway violation: an inline policy open to anyone", [api(PUBLIC("execute-api:Invoke"))], ["fail orders-api"]],
    ["API Gateway violation: a RestApiPolicy open to anyone", [api(), engineResource(X.apiPolicy, "open", { restApiId: UNKNOWN, policy: PUBLIC("execute-api:Invoke") }, dep("restApiId", X.api, "orders-api"))], ["fail open"]],
    ["API Gateway unknown: a RestApiPolicy computed from another resource", [api(), engineResource(X.apiPolicy, "open", { restApiId: UNKNOWN, ...COMPUTED }, { ...dep("restApiId", X.api, "orders-api"), ...dep("policy", X.api, "orders-api") })], ["unknown open"]],
  ])("%s", (_name, resources, expected) => {
    expect(verdicts(resources)).toEqual(expected);
  });

  it("names the policy, the resource it governs and the public grant", () => {
    const inventory = buildInventory([fn(), url("NONE")]);
    const [o] = run(rule, inventory);
    expect(o?.message).toMatch(/^Lambda function URL 'orders-url' of Lambda function 'orders-fn' grants access to everyone: /);
  });

  it("says an account-wide policy governs the account's resources", () => {
    const inventory = buildInventory([engineResource(X.glue, "catalog", { policy: PUBLIC("glue:GetTable") })]);
    const [o] = run(rule, inventory);
    expect(o?.message).toMatch(/^Glue Data Catalog resource policy 'catalog' \(it governs the account's glue resources; treated as untagged\) grants access to everyone/);
  });
});
