// Drives a policy pack over the Analyzer gRPC protocol, standing in for the Pulumi engine.
//
// Engine address: run-policy-pack shifts the <engine-address> argument off argv and never uses it
// (@pulumi/pulumi/cmd/run-policy-pack/index.js); the SDK would only dial an engine named by the
// PULUMI_NODEJS_ENGINE variable, which the CLI does not set for policy packs
// (analyzer_plugin.go, constructEnv). Without an engine, `pulumi.log.*` inside a policy falls back to
// the console, so messages show up on the pack's stdout/stderr, which PackClient exposes. No Engine
// service is needed; the harness passes an address nothing listens on, so a pack that did try to
// dial it would fail visibly.
//
// On start, the harness runs the engine's sequence (unless `engineStartup: false`): Handshake
// (UNIMPLEMENTED for Node packs), ConfigureStack, GetAnalyzerInfo, then Configure with the reconciled
// policy config (defaults + `policyConfig`), as `pulumi preview --policy-pack` does.
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import {
  fromAnalyzeResponse, fromAnalyzerInfo, toAnalyzeRequest, toConfigureRequest, toStackConfigureRequest, toStackResource,
} from "./analyzer-convert";
import type {
  AnalyzeResult, AnalyzerInfo, AnalyzerResourceInput, PolicyConfig, StackConfiguration,
} from "./analyzer-types";
import { spawnPack, type PackProcessOptions } from "./pack-process";
import { reconcilePolicyPackConfig } from "./policy-config";

export * from "./analyzer-types";
export { UNKNOWN, secret, isSecret, isUnknown } from "./wire";

export interface StartPackOptions extends PackProcessOptions {
  /** Stack the "preview" runs against. Defaults: project "project", stack "stack", dryRun true. */
  stack?: Partial<StackConfiguration>;
  /** The `--policy-pack-config` content sent during startup. Default {}. */
  policyConfig?: Record<string, unknown>;
  /** Run the engine's startup RPCs. Default true. */
  engineStartup?: boolean;
  /** Deadline per RPC. Default 120 s. */
  rpcTimeoutMs?: number;
}

export interface PackClient {
  readonly pid: number;
  readonly port: number;
  readonly timings: { spawnToPortMs: number; spawnToReadyMs: number };
  stdout(): string;
  stderr(): string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  getAnalyzerInfo(): Promise<AnalyzerInfo>;
  /** Reconciles `policyConfig` (the --policy-pack-config shape) as the engine does and sends it. */
  configure(policyConfig: Record<string, unknown>): Promise<Record<string, PolicyConfig>>;
  /** Sends exactly this Configure request, skipping the engine's reconciliation and validation. */
  configureRaw(config: Record<string, PolicyConfig>): Promise<void>;
  configureStack(stack: Partial<StackConfiguration>): Promise<void>;
  analyze(resource: AnalyzerResourceInput): Promise<AnalyzeResult>;
  analyzeStack(resources: AnalyzerResourceInput[]): Promise<AnalyzeResult>;
  close(): Promise<void>;
}

const MAX_MESSAGE = 400 * 1024 * 1024; // the engine's limit (rpcutil.GrpcChannelOptions)

function stackConfiguration(s: Partial<StackConfiguration> = {}): StackConfiguration {
  return {
    project: s.project ?? "project",
    stack: s.stack ?? "stack",
    organization: s.organization ?? "",
    dryRun: s.dryRun ?? true,
    config: s.config ?? {},
    configSecretKeys: s.configSecretKeys ?? [],
    tags: s.tags ?? {},
  };
}

/** The environment the CLI gives a policy pack (analyzer_plugin.go, constructEnv). */
function packEnv(s: StackConfiguration): Record<string, string> {
  const env: Record<string, string> = {};
  const put = (k: string, v: string): void => {
    if (v !== "") env[k] = v;
  };
  if (Object.keys(s.config).length > 0) put("PULUMI_CONFIG", JSON.stringify(s.config));
  for (const prefix of ["PULUMI_NODEJS_", "PULUMI_"]) {
    put(`${prefix}ORGANIZATION`, s.organization);
    put(`${prefix}PROJECT`, s.project);
    put(`${prefix}STACK`, s.stack);
    put(`${prefix}DRY_RUN`, String(s.dryRun));
  }
  return env;
}

export async function startPack(packDir: string, opts: StartPackOptions = {}): Promise<PackClient> {
  const dir = resolve(packDir);
  let stack = stackConfiguration(opts.stack);
  const proc = await spawnPack(dir, { ...opts, env: { ...packEnv(stack), ...opts.env } });
  const portAt = performance.now();
  const client = new AnalyzerClient(`127.0.0.1:${proc.port}`, grpc.credentials.createInsecure(), {
    "grpc.max_receive_message_length": MAX_MESSAGE,
    "grpc.max_send_message_length": MAX_MESSAGE,
  });
  const timeout = opts.rpcTimeoutMs ?? 120_000;
  const callOptions = (): Partial<grpc.CallOptions> => ({ deadline: Date.now() + timeout });

  const unary = <T>(label: string, invoke: (cb: (e: grpc.ServiceError | null, r: T) => void) => void): Promise<T> =>
    new Promise<T>((ok, fail) => invoke((e, r) => {
      if (!e) return ok(r);
      // A lost connection usually means the pack died: wait for it so its stderr is complete.
      const settle = e.code === grpc.status.UNAVAILABLE ? proc.waitForExit(2000) : Promise.resolve(proc.exited());
      void settle.then((gone) => {
        const crashed = gone ? " (the pack process has exited)" : "";
        const wrapped = new Error(`${label} failed${crashed}: ${e.message}\npack stderr:\n${proc.stderr()}`) as Error & { code?: number };
        wrapped.code = e.code;
        fail(wrapped);
      });
    }));

  // The engine prefers PulumiPolicy.yaml's version and attributes each diagnostic to a resource.
  const attribute = (r: AnalyzeResult, urnFor: (reported: string) => string): AnalyzeResult => {
    for (const d of r.diagnostics) {
      if (proc.manifestVersion) d.policyPackVersion = proc.manifestVersion;
      d.urn = urnFor(d.reportedUrn);
    }
    return r;
  };

  let analyzerInfo: Promise<pb.AnalyzerInfo> | undefined;
  const pack: PackClient = {
    pid: proc.pid,
    port: proc.port,
    timings: { spawnToPortMs: proc.spawnToPortMs, spawnToReadyMs: proc.spawnToPortMs },
    stdout: proc.stdout,
    stderr: proc.stderr,
    waitForOutput: proc.waitForOutput,
    async getAnalyzerInfo() {
      // As the engine (analyzer_plugin.go, GetAnalyzerInfo): asked once per pack process, then cached.
      // A failed call is not cached.
      analyzerInfo ??= unary<pb.AnalyzerInfo>("GetAnalyzerInfo", (cb) =>
        client.getAnalyzerInfo(new Empty(), new grpc.Metadata(), callOptions(), cb)).catch((e: unknown) => {
        analyzerInfo = undefined;
        throw e;
      });
      const info = fromAnalyzerInfo(await analyzerInfo);
      // As the engine: policies sorted by name, PulumiPolicy.yaml's version wins.
      info.policies.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      if (proc.manifestVersion) info.version = proc.manifestVersion;
      return info;
    },
    async configure(policyConfig) {
      const reconciled = reconcilePolicyPackConfig(await pack.getAnalyzerInfo(), policyConfig);
      await pack.configureRaw(reconciled);
      return reconciled;
    },
    async configureRaw(config) {
      if (Object.keys(config).length === 0) return; // the engine skips an empty Configure
      await unary("Configure", (cb) => client.configure(toConfigureRequest(config), new grpc.Metadata(), callOptions(), cb));
    },
    async configureStack(s) {
      stack = stackConfiguration(s);
      const req = toStackConfigureRequest(stack);
      await unary("ConfigureStack", (cb) => client.configureStack(req, new grpc.Metadata(), callOptions(), cb));
    },
    async analyze(resource) {
      const req = toAnalyzeRequest(resource);
      const resp = await unary<pb.AnalyzeResponse>(`Analyze(${resource.urn})`, (cb) =>
        client.analyze(req, new grpc.Metadata(), callOptions(), cb));
      return attribute(fromAnalyzeResponse(resp), () => resource.urn);
    },
    async analyzeStack(resources) {
      const req = new pb.AnalyzeStackRequest();
      req.setResourcesList(resources.map(toStackResource));
      const resp = await unary<pb.AnalyzeResponse>(`AnalyzeStack(${resources.length} resources)`, (cb) =>
        client.analyzeStack(req, new grpc.Metadata(), callOptions(), cb));
      const known = new Set(resources.map((r) => r.urn));
      const root = `urn:pulumi:${stack.stack}::${stack.project}::pulumi:pulumi:Stack::${stack.project}-${stack.stack}`;
      return attribute(fromAnalyzeResponse(resp), (u) => (u !== "" && known.has(u) ? u : root));
    },
    async close() {
      client.close();
      await proc.kill();
    },
  };

  if (opts.engineStartup === false) return pack;
  try {
    await engineStartup(pack, client, dir, opts, stack, unary);
  } catch (e) {
    await pack.close();
    throw e;
  }
  pack.timings.spawnToReadyMs = proc.spawnToPortMs + (performance.now() - portAt);
  return pack;
}

type Unary = <T>(label: string, invoke: (cb: (e: grpc.ServiceError | null, r: T) => void) => void) => Promise<T>;

async function engineStartup(
  pack: PackClient, client: AnalyzerClient, dir: string, opts: StartPackOptions, stack: StackConfiguration, unary: Unary,
): Promise<void> {
  const hs = new pb.AnalyzerHandshakeRequest();
  hs.setEngineAddress(opts.engineAddress ?? "127.0.0.1:0");
  hs.setRootDirectory(dir);
  hs.setProgramDirectory(dir);
  await ignoreUnimplemented(unary("Handshake", (cb) =>
    client.handshake(hs, new grpc.Metadata(), { deadline: Date.now() + 30_000 }, cb)));
  await ignoreUnimplemented(pack.configureStack(stack));
  await pack.configure(opts.policyConfig ?? {});
}

async function ignoreUnimplemented(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if ((e as { code?: number }).code !== grpc.status.UNIMPLEMENTED) throw e;
  }
}
