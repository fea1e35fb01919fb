import { createRequire } from "node:module";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { afterAll, describe, expect, it } from "vitest";
import { toAnalyzeRequest, toStackResource } from "../../src/engine-client/analyzer-convert";
import { installLazyRequestDecoding } from "../../src/pulumi/lazy-request-decoding";
import { WireAnalyzeStackRequest, WireResource } from "../../src/pulumi/lazy-requests";

// The gRPC module and service definition @pulumi/policy's server registers with: the hook must reach
// the very copies it uses.
const fromServer = createRequire(require.resolve("@pulumi/policy/server"));
/* eslint-disable @typescript-eslint/no-explicit-any */
const grpc = fromServer("@grpc/grpc-js") as any;
const services = fromServer("@pulumi/pulumi/proto/analyzer_grpc_pb") as any;
/* eslint-enable @typescript-eslint/no-explicit-any */

describe("requests read lazily, installed where @pulumi/policy's server meets gRPC", () => {
  const server = new grpc.Server();
  afterAll(() => server.forceShutdown());

  it("hands the server's handlers wire objects for Analyze and AnalyzeStack, over a real gRPC call", async () => {
    expect(installLazyRequestDecoding()).toBe(true);
    const seen: unknown[] = [];
    const reply = (call: { request: unknown }, callback: (e: unknown, r: unknown) => void) => {
      seen.push(call.request);
      callback(null, new pb.AnalyzeResponse());
    };
    server.addService(services.AnalyzerService, { analyze: reply, analyzeStack: reply });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e: Error | null, p: number) => (e ? reject(e) : resolve(p))),
    );
    const client = new services.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const resource = { urn: "urn:b", type: "aws:s3/bucket:Bucket", name: "b", properties: { bucket: "orders" }, dependencies: [], propertyDependencies: {} };
    const stack = new pb.AnalyzeStackRequest();
    stack.setResourcesList([toStackResource(resource)]);
    const call = (method: string, request: unknown) =>
      new Promise<void>((resolve, reject) => client[method](request, (e: Error | null) => (e ? reject(e) : resolve())));
    await call("analyzeStack", stack);
    await call("analyze", toAnalyzeRequest(resource));
    client.close();
    expect(seen[0]).toBeInstanceOf(WireAnalyzeStackRequest);
    expect((seen[0] as WireAnalyzeStackRequest).getResourcesList()[0]!.getProperties()!.toJavaScript()).toEqual({ bucket: "orders" });
    expect(seen[1]).toBeInstanceOf(WireResource);
    expect((seen[1] as WireResource).getUrn()).toBe("urn:b");
  });
});
