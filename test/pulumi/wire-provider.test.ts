import { readFileSync } from "node:fs";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { describe, expect, it } from "vitest";
import { fromAnalyzeResponse, toAnalyzeRequest } from "../../src/engine-client/analyzer-convert";
import type { AnalyzeResult, AnalyzerResourceInput } from "../../src/engine-client/analyzer-types";
import { secret } from "../../src/engine-client/wire";
import { analyzeRequestFromWire, WireProvider } from "../../src/pulumi/lazy-requests";
import { toPolicy } from "../../src/pulumi/policy";
import { shareDeserialization } from "../../src/pulumi/shared-deserialization";
import { roleTrustPolicyRestrictsWhoAssumes } from "../../src/rules/iam/role-trust-policy-restricts-who-assumes";

type Handler = (call: { request: unknown }, callback: (err: unknown, resp?: pb.AnalyzeResponse) => void) => Promise<void>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = require("@pulumi/policy/server") as { makeAnalyzeRpcFun(name: string, version: string, level: string, policies: unknown[]): Handler };

const OWN = "111122223333";
const OTHER = "999988887777";
const trust = (account: string) => JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "sts:AssumeRole" }],
});

function role(account: string, providerProps: Record<string, unknown>): AnalyzerResourceInput {
  return {
    urn: "urn:pulumi:dev::shop::aws:iam/role:Role::app",
    type: "aws:iam/role:Role",
    name: "app",
    properties: { assumeRolePolicy: trust(account) },
    propertyDependencies: {},
    dependencies: [],
    provider: { urn: "urn:pulumi:dev::shop::pulumi:providers:aws::default", type: "pulumi:providers:aws", name: "default", properties: providerProps },
  };
}

/** One Analyze call through @pulumi/policy's own handler, the request read from its bytes as the pack's gRPC hook reads it. */
function analyze(r: AnalyzerResourceInput): Promise<AnalyzeResult> {
  expect(shareDeserialization()).toBe(true);
  const handler = server.makeAnalyzeRpcFun("customer-data-guard", "0.0.0", "advisory", [toPolicy(roleTrustPolicyRestrictsWhoAssumes)]);
  const request = analyzeRequestFromWire(toAnalyzeRequest(r).serializeBinary(), pb);
  return new Promise((ok, fail) => void handler({ request }, (e, resp) => (e || !resp ? fail(e) : ok(fromAnalyzeResponse(resp)))));
}

describe("a resource's provider, read from its bytes", () => {
  it("answers every getter @pulumi/policy's server asks of a provider", () => {
    const source = readFileSync(require.resolve("@pulumi/policy/server"), "utf8");
    const body = /function getProviderResource\(r\) \{([\s\S]*?)\n\}/.exec(source)?.[1];
    expect(body).toBeDefined();
    const asked = [...body!.matchAll(/prov\.(\w+)\(/g)].map((m) => m[1]!);
    expect(asked).toEqual(expect.arrayContaining(["getProperties", "getType", "getUrn", "getName"]));
    for (const getter of asked) expect(typeof (WireProvider.prototype as unknown as Record<string, unknown>)[getter], getter).toBe("function");
  });

  it.each([
    ["compliant: the provider's allowedAccountIds names the trusted account", OWN, { allowedAccountIds: JSON.stringify([OWN]) }, "pass"],
    ["violation: the provider's allowedAccountIds names another account", OTHER, { allowedAccountIds: JSON.stringify([OWN]) }, "fail"],
    ["violation: allowedAccountIds as a secret still tells the account, and is not printed", OTHER, { allowedAccountIds: secret(JSON.stringify([OWN])) }, "fail-redacted"],
    ["unknown: a provider naming no account", OWN, { region: "eu-west-1" }, "unknown"],
  ] as const)("%s", async (_name, account, providerProps, expected) => {
    const result = await analyze(role(account, providerProps));
    const messages = result.diagnostics.map((d) => d.message);
    if (expected === "pass") expect(result.diagnostics).toEqual([]);
    if (expected === "fail" || expected === "fail-redacted") {
      expect(messages).toEqual([expect.stringContaining(`allows account ${OTHER}`)]);
    }
    if (expected === "fail-redacted") expect(messages.join("\n")).not.toContain(OWN);
    if (expected === "unknown") {
      expect(messages).toEqual([expect.stringContaining("own account unknown")]);
      expect(result.diagnostics[0]!.enforcementLevel).toBe("advisory");
    }
  });
});
