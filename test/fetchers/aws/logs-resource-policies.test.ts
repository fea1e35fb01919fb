import { CloudWatchLogsClient, PutResourcePolicyCommand } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { adaptLogs } from "../../../src/adapters/aws/logs";
import { logsFetcher } from "../../../src/fetchers/aws/logs";
import { resourcePoliciesNotPublic } from "../../../src/rules/network/resource-policies-not-public";
import { run } from "../../helpers/models";
import { MOTO_ACCOUNT, scanContext, seedConfig } from "../../support/aws-context";
import { useMoto } from "../../support/moto/use-moto";
import { customerKey } from "./emulator-fixtures";

const REGION = "us-east-1";
const moto = useMoto({ resetEachTest: true });

describe("CloudWatch Logs resource policies against moto", () => {
  it("reads every account-wide policy; one open to everyone fails CDG-NET-008", async () => {
    const logs = new CloudWatchLogsClient(seedConfig(moto().endpoint, REGION));
    const statement = (principal: unknown, condition?: unknown) => ({ Effect: "Allow", Principal: principal, Action: "logs:PutLogEvents", Resource: "*", ...(condition ? { Condition: condition } : {}) });
    const doc = (s: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: [s] });
    await logs.send(new PutResourcePolicyCommand({ policyName: "open", policyDocument: doc(statement("*")) }));
    await logs.send(
      new PutResourcePolicyCommand({ policyName: "delivery", policyDocument: doc(statement({ Service: "delivery.logs.amazonaws.com" }, { StringEquals: { "aws:SourceAccount": MOTO_ACCOUNT } })) }),
    );
    const key = await customerKey(moto().endpoint, REGION);
    const c = adaptLogs(await logsFetcher.fetch(scanContext(moto().endpoint, REGION).ctx), key.ctx);
    expect(c.resourcePolicies?.map((p) => [p.origin, p.accountWide, p.accountId]).sort()).toEqual([
      ["CloudWatch Logs resource policy 'delivery'", true, MOTO_ACCOUNT],
      ["CloudWatch Logs resource policy 'open'", true, MOTO_ACCOUNT],
    ]);
    const verdicts = run(resourcePoliciesNotPublic, { resourcePolicies: c.resourcePolicies ?? [] }).map((o) => `${o.status} ${o.resource.name}`);
    expect(verdicts.sort()).toEqual(["fail open", "pass delivery"]);
  });
});
