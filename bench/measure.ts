// Measurements on one running policy pack. Requests are encoded once, before any timing, and sent as
// raw bytes: the engine encodes in Go, so the harness's (slower) JavaScript encoding must not count
// against a pack. A timing is therefore: gRPC transport, the pack's decoding and policies, and the
// decoding of the (small) response.
import * as grpc from "@grpc/grpc-js";
import { AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { toAnalyzeRequest, toStackResource } from "../src/engine-client/analyzer-convert";
import type { AnalyzerResourceInput } from "../src/engine-client/analyzer-types";
import { startPack, type PackClient, type StartPackOptions } from "../src/engine-client/harness";

const MAX_MESSAGE = 400 * 1024 * 1024; // the engine's limit (rpcutil.GrpcChannelOptions)

/** Pre-encoded Analyze requests, one per resource. */
export const encodeAnalyzeRequests = (resources: readonly AnalyzerResourceInput[]): Uint8Array[] =>
  resources.map((r) => toAnalyzeRequest(r).serializeBinary());

/** A pre-encoded AnalyzeStack request. */
export function encodeAnalyzeStackRequest(resources: readonly AnalyzerResourceInput[]): Uint8Array {
  const req = new pb.AnalyzeStackRequest();
  req.setResourcesList(resources.map(toStackResource));
  return req.serializeBinary();
}

/** Diagnostics per policy name; `cantRun` counts "can't run policy ... during preview" (unknown values). */
export type DiagnosticTally = Record<string, { count: number; cantRun: number }>;

export const tallyTotal = (t: DiagnosticTally): number => Object.values(t).reduce((n, x) => n + x.count, 0);

export function addTally(into: DiagnosticTally, from: DiagnosticTally): DiagnosticTally {
  for (const [k, v] of Object.entries(from)) {
    const cur = (into[k] ??= { count: 0, cantRun: 0 });
    cur.count += v.count;
    cur.cantRun += v.cantRun;
  }
  return into;
}

function tally(r: pb.AnalyzeResponse): DiagnosticTally {
  const t: DiagnosticTally = {};
  for (const d of r.getDiagnosticsList()) {
    const cur = (t[d.getPolicyname()] ??= { count: 0, cantRun: 0 });
    cur.count++;
    if (d.getMessage().startsWith("can't run ")) cur.cantRun++;
  }
  return t;
}

/** A started pack with a second gRPC channel that sends pre-encoded requests. */
export interface RunningPack {
  readonly client: PackClient;
  /** Sends one pre-encoded Analyze request; resolves with its diagnostics per policy. */
  analyze(request: Uint8Array): Promise<DiagnosticTally>;
  /** Sends one pre-encoded AnalyzeStack request; resolves with its diagnostics per policy. */
  analyzeStack(request: Uint8Array): Promise<DiagnosticTally>;
  close(): Promise<void>;
}

export async function openPack(dir: string, opts: StartPackOptions = {}): Promise<RunningPack> {
  const client = await startPack(dir, opts);
  const raw = new grpc.Client(`127.0.0.1:${client.port}`, grpc.credentials.createInsecure(), {
    "grpc.max_receive_message_length": MAX_MESSAGE,
    "grpc.max_send_message_length": MAX_MESSAGE,
  });
  const timeoutMs = opts.rpcTimeoutMs ?? 30 * 60_000;
  const call = (path: string, label: string, request: Uint8Array): Promise<DiagnosticTally> =>
    new Promise((ok, fail) => {
      raw.makeUnaryRequest<Uint8Array, pb.AnalyzeResponse>(
        path,
        (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength),
        (b) => pb.AnalyzeResponse.deserializeBinary(b),
        request,
        new grpc.Metadata(),
        { deadline: Date.now() + timeoutMs },
        (e, r) => {
          if (e || !r) fail(new Error(`${label} failed on the pack at ${dir}: ${e?.message ?? "no response"}\npack stderr:\n${client.stderr()}`));
          else ok(tally(r));
        },
      );
    });
  return {
    client,
    analyze: (request) => call(AnalyzerService.analyze.path, "Analyze", request),
    analyzeStack: (request) => call(AnalyzerService.analyzeStack.path, "AnalyzeStack", request),
    async close() {
      raw.close();
      await client.close();
    },
  };
}

export interface Timed<T> {
  ms: number;
  value: T;
}

export async function timed<T>(f: () => Promise<T>): Promise<Timed<T>> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

/** Sends the requests one after the other, as the engine does during a preview. */
export async function analyzeSequentially(pack: RunningPack, requests: readonly Uint8Array[]): Promise<Timed<DiagnosticTally>> {
  return timed(async () => {
    const all: DiagnosticTally = {};
    for (const r of requests) addTally(all, await pack.analyze(r));
    return all;
  });
}

/**
 * Peak resident set size (VmHWM) of a process in MiB, from /proc (Linux only; undefined elsewhere).
 * The harness spawns `node run-policy-pack` itself, so the pack's pid is the pack's Node process.
 */
export function peakRssMiB(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kib === undefined ? undefined : Number(kib) / 1024;
  } catch {
    return undefined;
  }
}

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * CPU time (user + system, all threads) a process has used so far, in milliseconds, from
 * /proc/<pid>/stat (Linux only; 10 ms resolution). Unlike wall time, it hardly moves when other
 * programs compete for the machine's cores.
 */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces; the fields after it start behind its ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return Number.isFinite(ticks) ? (ticks * 1000) / clockTicks() : undefined;
  } catch {
    return undefined;
  }
}

/** Wall and CPU time of the pack process for `f`. */
export async function timedWithCpu<T>(pid: number, f: () => Promise<T>): Promise<Timed<T> & { cpuMs: number | undefined }> {
  const before = cpuMs(pid);
  const run = await timed(f);
  const after = cpuMs(pid);
  return { ...run, cpuMs: before === undefined || after === undefined ? undefined : after - before };
}

/** The command line of a process (Linux only), to check that a pid is the pack's Node process. */
export function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    return undefined;
  }
}
