// @pulumi/policy's own Analyze and AnalyzeStack handlers, run in this process on requests encoded
// and decoded as on the wire, so a test can install (or not) the pack's decoding hooks first.
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { fromAnalyzeResponse, toAnalyzeRequest, toStackResource } from "../../src/engine-client/analyzer-convert";
import type { AnalyzeResult, AnalyzerResourceInput } from "../../src/engine-client/analyzer-types";
import { toPolicy } from "../../src/pulumi/policy";
import { ALL_RULES } from "../../src/rules";
import { expect } from "vitest";
import { MARK, secretCases } from "./secret-cases";

type Handler = (call: { request: unknown }, callback: (err: unknown, resp?: pb.AnalyzeResponse) => void) => Promise<void>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = require("@pulumi/policy/server") as {
  makeAnalyzeRpcFun(name: string, version: string, level: string, policies: unknown[]): Handler;
  makeAnalyzeStackRpcFun(name: string, version: string, level: string, policies: unknown[]): Handler;
};

const policies = ALL_RULES.map(toPolicy);
const analyzeFn = server.makeAnalyzeRpcFun("customer-data-guard", "0.0.0", "advisory", policies);
const analyzeStackFn = server.makeAnalyzeStackRpcFun("customer-data-guard", "0.0.0", "advisory", policies);

function call(handler: Handler, request: unknown): Promise<AnalyzeResult> {
  return new Promise((ok, fail) => {
    void handler({ request }, (err, resp) => (err || !resp ? fail(err) : ok(fromAnalyzeResponse(resp))));
  });
}

export function analyze(r: AnalyzerResourceInput): Promise<AnalyzeResult> {
  // Through the bytes, as the engine's request arrives.
  const request = pb.AnalyzeRequest.deserializeBinary(toAnalyzeRequest(r).serializeBinary());
  return call(analyzeFn, request);
}

export function analyzeStack(rs: AnalyzerResourceInput[]): Promise<AnalyzeResult> {
  const req = new pb.AnalyzeStackRequest();
  req.setResourcesList(rs.map(toStackResource));
  return call(analyzeStackFn, pb.AnalyzeStackRequest.deserializeBinary(req.serializeBinary()));
}

/** Every text of a result: diagnostics (message without the description the server prepends, URN) and not-applicable reasons. */
export const textsOf = (r: AnalyzeResult): string[] => [
  ...r.diagnostics.flatMap((d) => [d.message.startsWith(`${d.description}\n`) ? d.message.slice(d.description.length + 1) : d.message, d.reportedUrn]),
  ...r.notApplicable.map((n) => n.reason),
];

/** Runs the secret cases through Analyze and AnalyzeStack and asserts every text the pack returns is redacted. */
export async function expectNoSecretPrinted(): Promise<void> {
  const resources = secretCases();
  const results = [...(await Promise.all(resources.map(analyze))), await analyzeStack(resources)];
  const texts = results.flatMap(textsOf);
  expect(texts.length).toBeGreaterThan(5);
  for (const text of texts) expect(text).not.toMatch(new RegExp(`${MARK}|AdministratorAccess|210987654321`, "i"));
  expect(texts.join("\n")).toContain("[secret]");
}
