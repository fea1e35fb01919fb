import { describe, expect, it } from "vitest";
import { adaptLogs } from "../../../src/adapters/aws/logs";
import type { LogsAnswers } from "../../../src/fetchers/aws/logs";
import type { Inventory } from "../../../src/models/inventory";
import { resourcePoliciesNotPublic } from "../../../src/rules/network/resource-policies-not-public";
import { run } from "../../helpers/models";
import { ACCOUNT, adaptContext, failed, ok, REGION } from "./fixtures";

/** CDG-NET-008 on recorded DescribeResourcePolicies answers of CloudWatch Logs (the scanner front). */
const doc = (statement: Record<string, unknown>) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "logs:PutLogEvents", Resource: "*", ...statement }] });
const answers = (resourcePolicies: LogsAnswers["resourcePolicies"]): LogsAnswers => ({ region: REGION, groups: ok([]), resourcePolicies });
const inventoryOf = (raw: LogsAnswers): Partial<Inventory> => {
  const c = adaptLogs(raw, adaptContext());
  return { stores: c.stores ?? [], resourcePolicies: c.resourcePolicies ?? [] };
};
const verdicts = (raw: LogsAnswers) => run(resourcePoliciesNotPublic, inventoryOf(raw)).map((o) => `${o.status} ${o.resource.name}`);

describe("CDG-NET-008 resource-policies-not-public on CloudWatch Logs resource policies", () => {
  it.each<[string, LogsAnswers, string[]]>([
    [
      "compliant: a log-delivery service tied to the account",
      answers(ok([{ policyName: "delivery", policyDocument: doc({ Principal: { Service: "delivery.logs.amazonaws.com" }, Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } }) }])),
      ["pass delivery"],
    ],
    ["violation: anyone may write to every log group", answers(ok([{ policyName: "open", policyDocument: doc({ Principal: "*" }) }])), ["fail open"]],
    ["unknown: a policy without a document", answers(ok([{ policyName: "empty" }])), ["unknown empty"]],
    ["not assessed: the call did not answer (a coverage gap, no verdict)", answers(failed("logs", "logs:DescribeResourcePolicies")), []],
  ])("%s", (_name, raw, expected) => {
    expect(verdicts(raw)).toEqual(expected);
  });

  it("an account-wide policy, and a policy scoped to one log group", () => {
    const group = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/app/orders`;
    const c = adaptLogs(answers(ok([{ policyName: "all", policyDocument: doc({ Principal: "*" }) }, { policyName: "one", policyDocument: doc({ Principal: "*" }), resourceArn: `${group}:*` }])), adaptContext());
    expect(c.resourcePolicies?.map((p) => [p.origin, p.target, p.accountWide ?? false])).toEqual([
      ["CloudWatch Logs resource policy 'all'", undefined, true],
      ["CloudWatch Logs resource policy 'one'", group, false],
    ]);
  });

  it("a failed call is a coverage gap", () => {
    expect(adaptLogs(answers(failed("logs", "logs:DescribeResourcePolicies")), adaptContext()).gaps).toEqual([
      expect.objectContaining({ service: "logs", what: "CloudWatch Logs resource policies", action: "logs:DescribeResourcePolicies" }),
    ]);
  });
});
