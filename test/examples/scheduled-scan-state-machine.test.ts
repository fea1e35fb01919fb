// The scheduled scan's state machine definition (examples/scheduled-scan/pulumi/state-machine.ts): valid Amazon
// States Language for asl-validator, and, by our own checks, a workflow that does what issue 13 asks: every
// transition lands, every path ends, a Distributed Map of Fargate tasks whose commands parse as the cdguard CLI,
// service integrations with the parameters they need, retries on capacity errors, and the first run without a
// previous report going through.
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import {
  ECS_CAPACITY_ERRORS, ECS_RUN_TASK_SYNC, S3_COPY_OBJECT, S3_LIST_OBJECTS, SNS_PUBLISH, scanStateMachineDefinition, type ScanStateMachineParams,
} from "../../examples/scheduled-scan/pulumi/state-machine";

type AslValidator = (definition: unknown, opts?: { checkPaths: boolean; checkArn: boolean }) => { isValid: boolean; errorsText(sep?: string): string };
const aslValidator = createRequire(__filename)("asl-validator") as AslValidator;

type State = Record<string, unknown> & { Type: string };
interface Machine { StartAt: string; States: Record<string, State> }

const PARAMS: ScanStateMachineParams = {
  clusterArn: "arn:aws:ecs:eu-west-1:111122223333:cluster/cdguard-prod",
  scanTaskDefinitionArn: "arn:aws:ecs:eu-west-1:111122223333:task-definition/cdguard-prod-scan:3",
  mergeTaskDefinitionArn: "arn:aws:ecs:eu-west-1:111122223333:task-definition/cdguard-prod-merge:3",
  containerName: "cdguard",
  subnetIds: ["subnet-0a", "subnet-0b"],
  securityGroupIds: ["sg-0c"],
  bucketName: "cdguard-reports-1a2b",
  topicArn: "arn:aws:sns:eu-west-1:111122223333:cdguard-prod-findings",
  orgRoleName: "CdgScanner",
  shardCount: 16,
  maxConcurrency: 8,
  failOn: "high",
  regions: [],
  taskTimeoutSeconds: 14_400,
};
const definition = (p: Partial<ScanStateMachineParams> = {}): Machine =>
  scanStateMachineDefinition({ ...PARAMS, ...p }) as unknown as Machine;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

// --- our validator: transitions, termination, integrations -----------------------------------------------

const REQUIRED_PARAMETERS: Record<string, { required: string[]; optional: string[] }> = {
  [ECS_RUN_TASK_SYNC]: { required: ["Cluster", "TaskDefinition", "LaunchType", "NetworkConfiguration", "Overrides"], optional: [] },
  [SNS_PUBLISH]: { required: ["TopicArn", "Message"], optional: ["Subject"] },
  [S3_LIST_OBJECTS]: { required: ["Bucket", "Prefix"], optional: ["MaxKeys"] },
  [S3_COPY_OBJECT]: { required: ["Bucket", "Key", "CopySource"], optional: [] },
};

const targets = (s: State): string[] => [
  ...(typeof s.Next === "string" ? [s.Next] : []),
  ...(typeof s.Default === "string" ? [s.Default] : []),
  ...((s.Choices as { Next: string }[] | undefined) ?? []).map((c) => c.Next),
  ...((s.Catch as { Next: string }[] | undefined) ?? []).map((c) => c.Next),
];
const terminal = (s: State): boolean => s.Type === "Succeed" || s.Type === "Fail" || s.End === true;

/** Every problem of a (nested) States scope: a dangling target, an unreachable state, a state no path ends from, a task's integration. */
function problems(m: Machine, where = "top"): string[] {
  const out: string[] = [];
  if (!(m.StartAt in m.States)) out.push(`${where}: StartAt '${m.StartAt}' is no state`);
  for (const [name, s] of Object.entries(m.States)) {
    for (const t of targets(s)) if (!(t in m.States)) out.push(`${where}: '${name}' goes to missing state '${t}'`);
    if (!terminal(s) && targets(s).length === 0) out.push(`${where}: '${name}' has no transition and does not end`);
    if (s.Type === "Task") out.push(...taskProblems(name, s).map((p) => `${where}: ${p}`));
    if (s.Type === "Map") out.push(...problems(s.ItemProcessor as Machine, `${where}/${name}`));
  }
  const reachable = new Set<string>();
  const visit = (n: string): void => {
    if (reachable.has(n) || !m.States[n]) return;
    reachable.add(n);
    targets(m.States[n]!).forEach(visit);
  };
  visit(m.StartAt);
  for (const name of Object.keys(m.States)) if (!reachable.has(name)) out.push(`${where}: '${name}' is unreachable`);
  // A state ends when some path from it reaches a terminal state (fixpoint over the transitions).
  const ends = new Set(Object.keys(m.States).filter((n) => terminal(m.States[n]!)));
  for (let grew = true; grew;) {
    grew = false;
    for (const [n, s] of Object.entries(m.States)) {
      if (!ends.has(n) && targets(s).some((t) => ends.has(t))) {
        ends.add(n);
        grew = true;
      }
    }
  }
  for (const n of reachable) if (!ends.has(n)) out.push(`${where}: no path from '${n}' ends`);
  return out;
}

function taskProblems(name: string, s: State): string[] {
  const spec = REQUIRED_PARAMETERS[String(s.Resource)];
  if (!spec) return [`'${name}' uses an unexpected integration ${String(s.Resource)}`];
  const params = s.Parameters as Record<string, unknown> | undefined;
  if (!params) return [`'${name}' has no Parameters`];
  const keys = Object.keys(params).map((k) => k.replace(/\.\$$/, "")).sort();
  const out: string[] = [];
  for (const k of spec.required) if (!keys.includes(k)) out.push(`'${name}' lacks ${k}`);
  for (const k of keys) if (!spec.required.includes(k) && !spec.optional.includes(k)) out.push(`'${name}' has unexpected ${k}`);
  if (s.Resource === ECS_RUN_TASK_SYNC) {
    const vpc = (params.NetworkConfiguration as { AwsvpcConfiguration?: Record<string, unknown> } | undefined)?.AwsvpcConfiguration;
    if (params.LaunchType !== "FARGATE") out.push(`'${name}' launch type ${String(params.LaunchType)}`);
    if (!Array.isArray(vpc?.Subnets) || vpc.Subnets.length === 0) out.push(`'${name}' has no subnets`);
    if (!Array.isArray(vpc?.SecurityGroups) || vpc.SecurityGroups.length === 0) out.push(`'${name}' has no security groups`);
    if (vpc?.AssignPublicIp !== "DISABLED") out.push(`'${name}' assigns a public IP (${String(vpc?.AssignPublicIp)})`);
    const retried = ((s.Retry as { ErrorEquals: string[] }[] | undefined) ?? []).flatMap((r) => r.ErrorEquals);
    for (const e of ECS_CAPACITY_ERRORS) if (!retried.includes(e)) out.push(`'${name}' does not retry ${e}`);
  }
  return out;
}

const states = (m: Machine): [string, State][] => Object.entries(m.States).flatMap(([n, s]) =>
  s.Type === "Map" ? [[n, s] as [string, State], ...states(s.ItemProcessor as Machine)] : [[n, s] as [string, State]]);
const map = (m: Machine): State => states(m).find(([, s]) => s.Type === "Map")![1];

// --- a small evaluator of the intrinsic functions and paths the definition uses ----------------------------

type Json = unknown;
function path(expr: string, input: Json, context: Json): Json {
  const [root, ...parts] = expr.replace(/\[(\d+)\]/g, ".$1").split(".");
  let v = root === "$$" ? context : input;
  for (const p of parts) v = (v as Record<string, Json> | undefined)?.[p];
  if (v === undefined) throw new Error(`${expr} is not in the input`);
  return v;
}
/** Evaluates `States.Array/Format/ArrayRange(...)`, quoted literals, numbers and paths. */
function intrinsic(expr: string, input: Json, context: Json = {}): Json {
  let i = 0;
  const ws = () => { while (expr[i] === " ") i++; };
  const value = (): Json => {
    ws();
    if (expr[i] === "'") {
      let s = "";
      for (i++; expr[i] !== "'"; i++) {
        if (i >= expr.length) throw new Error(`unterminated literal in ${expr}`);
        if (expr[i] === "\\") i++;
        s += expr[i];
      }
      i++;
      return s;
    }
    const m = /^(States\.[A-Za-z]+)\(|^(\$\$?[\w.[\]]*)|^(-?\d+)/.exec(expr.slice(i));
    if (!m) throw new Error(`cannot read ${expr.slice(i)}`);
    i += m[0].length;
    if (m[2] !== undefined) return path(m[2], input, context);
    if (m[3] !== undefined) return Number(m[3]);
    const args: Json[] = [];
    ws();
    while (expr[i] !== ")") {
      args.push(value());
      ws();
      if (expr[i] === ",") i++;
    }
    i++;
    switch (m[1]) {
      case "States.Array": return args;
      case "States.Format": {
        const rest = args.slice(1);
        return String(args[0]).replace(/\{\}/g, () => String(rest.shift()));
      }
      case "States.ArrayRange": {
        const [from, to, step] = args as number[];
        const out: number[] = [];
        for (let n = from!; n <= to!; n += step!) out.push(n);
        return out;
      }
      default: throw new Error(`unsupported ${m[1]}`);
    }
  };
  const v = value();
  ws();
  if (i !== expr.length) throw new Error(`trailing text in ${expr}`);
  return v;
}
/** A payload template (Parameters, ItemSelector) with its `.$` fields evaluated. */
function template(t: Record<string, Json>, input: Json, context: Json): Record<string, Json> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => k.endsWith(".$")
    ? [k.slice(0, -2), String(v).startsWith("States.") ? intrinsic(String(v), input, context) : path(String(v), input, context)]
    : [k, v !== null && typeof v === "object" && !Array.isArray(v) ? template(v as Record<string, Json>, input, context) : v]));
}
const commandOf = (task: State, input: Json): string[] => {
  const override = ((task.Parameters as { Overrides: { ContainerOverrides: Record<string, string>[] } }).Overrides.ContainerOverrides)[0]!;
  return intrinsic(override["Command.$"]!, input) as string[];
};

/** The CLI's arguments as the contract states them; strict, so an unknown option fails. */
const cli = (args: string[]) => parseArgs({
  args,
  allowPositionals: true,
  strict: true,
  options: {
    org: { type: "boolean" }, "org-role-name": { type: "string" }, shard: { type: "string" }, out: { type: "string" },
    format: { type: "string" }, quiet: { type: "boolean" }, regions: { type: "string" }, "fail-on": { type: "string" },
    baseline: { type: "string" },
  },
});

// --- the tests --------------------------------------------------------------------------------------------

describe("the scan state machine is valid Amazon States Language", () => {
  it("asl-validator accepts it (paths and ARNs checked)", () => {
    const r = aslValidator(clone(definition()), { checkPaths: true, checkArn: true });
    expect(r.errorsText("\n")).toBe("");
    expect(r.isValid).toBe(true);
  });

  it("has no dangling transition, unreachable state or endless path, and every task's integration is complete", () => {
    expect(problems(definition())).toEqual([]);
  });

  it.each([
    ["a dangling Next", (m: Machine) => { m.States["Merged?"]!.Default = "Nowhere"; }, "'Merged?' goes to missing state 'Nowhere'"],
    ["a task without Parameters", (m: Machine) => { delete m.States["Promote report"]!.Parameters; }, "'Promote report' has no Parameters"],
    ["an ECS task missing its cluster", (m: Machine) => { delete (m.States["Merge shards"]!.Parameters as Record<string, unknown>).Cluster; }, "'Merge shards' lacks Cluster"],
    ["a public IP", (m: Machine) => {
      ((m.States["Merge shards"]!.Parameters as { NetworkConfiguration: { AwsvpcConfiguration: Record<string, unknown> } })
        .NetworkConfiguration.AwsvpcConfiguration).AssignPublicIp = "ENABLED";
    }, "'Merge shards' assigns a public IP (ENABLED)"],
    ["no retry on capacity errors", (m: Machine) => { delete m.States["Diff against previous"]!.Retry; }, "'Diff against previous' does not retry AmazonECS.Unknown"],
    ["an unexpected integration", (m: Machine) => { m.States["Promote report"]!.Resource = "arn:aws:states:::lambda:invoke"; }, "'Promote report' uses an unexpected integration arn:aws:states:::lambda:invoke"],
    ["a loop with no way out", (m: Machine) => { m.States["Done"] = { Type: "Pass", Next: "New findings?" }; }, "no path from 'Done' ends"],
    ["an unreachable state", (m: Machine) => { m.States["Orphan"] = { Type: "Succeed" }; }, "'Orphan' is unreachable"],
  ])("our checks reject %s", (_, mutate, problem) => {
    const m = clone(definition());
    mutate(m);
    expect(problems(m).join("\n")).toContain(problem);
  });

  it("asl-validator rejects a dangling Next too", () => {
    const m = clone(definition());
    m.States["Plan shards"]!.Next = "Nowhere";
    expect(aslValidator(m).isValid).toBe(false);
  });
});

describe("the shards run as a Distributed Map of Fargate tasks", () => {
  it("plans shards 1..N and hands each its number and the run id", () => {
    const m = definition();
    const plan = template(m.States["Plan shards"]!.Parameters as Record<string, Json>, {}, { Execution: { Name: "run-7" } });
    expect(plan).toEqual({ shards: Array.from({ length: 16 }, (_, i) => i + 1), runId: "run-7" });
    const s = map(m);
    expect(s.ItemProcessor).toMatchObject({ ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" } });
    expect([s.ItemsPath, s.MaxConcurrency, s.ToleratedFailurePercentage]).toEqual(["$.shards", 8, 0]);
    expect(template(s.ItemSelector as Record<string, Json>, plan, { Map: { Item: { Value: 5 } } })).toEqual({ shard: 5, runId: "run-7" });
  });

  it.each([1, 2, 7, 16])("shard %i/16 runs `cdguard scan --org --shard %i/16` and writes its file under the run's prefix", (shard) => {
    const task = (map(definition()).ItemProcessor as Machine).States["Scan shard"]!;
    expect(task.Resource).toBe(ECS_RUN_TASK_SYNC);
    expect((task.Parameters as { Overrides: { ContainerOverrides: { Name: string }[] } }).Overrides.ContainerOverrides[0]!.Name).toBe("cdguard");
    const { values, positionals } = cli(commandOf(task, { shard, runId: "run-7" }));
    expect(positionals).toEqual(["scan"]);
    expect(values).toEqual({
      org: true, "org-role-name": "CdgScanner", shard: `${shard}/16`, format: "json", quiet: true,
      out: `s3://cdguard-reports-1a2b/runs/run-7/shards/shard-${shard}.jsonl`,
    });
  });

  it("N and the regions come from the parameters", () => {
    const task = (map(definition({ shardCount: 4, regions: ["eu-west-1", "eu-central-1"] })).ItemProcessor as Machine).States["Scan shard"]!;
    const { values } = cli(commandOf(task, { shard: 3, runId: "r" }));
    expect([values.shard, values.regions]).toEqual(["3/4", "eu-west-1,eu-central-1"]);
  });

  it("a failed shard fails the map (a shard's non-zero exit, and no tolerated failures)", () => {
    const child = map(definition()).ItemProcessor as Machine;
    expect(child.States["Shard scanned?"]).toMatchObject({ Choices: [{ Variable: "$.task.exitCode", NumericEquals: 0 }], Default: "Shard failed" });
    expect(child.States["Shard failed"]!.Type).toBe("Fail");
  });

  it("merges the run's shard files into its report, then diffs it against the latest one", () => {
    const m = definition();
    const input = { runId: "run-7" };
    expect(cli(commandOf(m.States["Merge shards"]!, input))).toEqual({
      positionals: ["merge", "s3://cdguard-reports-1a2b/runs/run-7/shards/"],
      values: { out: "s3://cdguard-reports-1a2b/runs/run-7/report.json", format: "json", quiet: true },
    });
    expect(cli(commandOf(m.States["Diff against previous"]!, input))).toEqual({
      positionals: ["diff", "s3://cdguard-reports-1a2b/latest/report.json", "s3://cdguard-reports-1a2b/runs/run-7/report.json"],
      values: { format: "markdown", out: "s3://cdguard-reports-1a2b/runs/run-7/diff.md", "fail-on": "high" },
    });
  });

  it("refuses parameters it cannot embed in an intrinsic function, and impossible shard counts", () => {
    expect(() => definition({ bucketName: "it's" })).toThrow(/cannot be embedded/);
    expect(() => definition({ orgRoleName: "a{}b" })).toThrow(/cannot be embedded/);
    expect(() => definition({ shardCount: 0 })).toThrow(/shardCount/);
    expect(() => definition({ shardCount: 2.5 })).toThrow(/shardCount/);
  });
});

describe("after the map: first run, no change, new findings, failures", () => {
  /** Walks the top-level states for one scenario: task results by state name, an error by state name, whether a previous report exists. */
  function walk(outcomes: { exitCodes?: Record<string, number>; errors?: Record<string, string>; firstRun?: boolean }): string[] {
    const m = definition();
    let data: Record<string, Json> = { runId: "run-7" };
    const seen: string[] = [];
    let name: string | undefined = m.StartAt;
    while (name !== undefined) {
      const s: State = m.States[name]!;
      seen.push(name);
      if (seen.length > 50) throw new Error("loops");
      const error: string | undefined = outcomes.errors?.[name];
      if (error !== undefined) {
        const c: { ResultPath: string; Next: string } = (s.Catch as { ErrorEquals: string[]; ResultPath: string; Next: string }[]).find((x) => x.ErrorEquals.includes(error) || x.ErrorEquals.includes("States.ALL"))!;
        data = { ...data, [c.ResultPath.slice(2)]: { Error: error } };
        name = c.Next;
        continue;
      }
      if (s.Type === "Choice") {
        const holds = (r: Record<string, Json>): boolean => {
          if (r.And) return (r.And as Record<string, Json>[]).every(holds);
          if (r.Or) return (r.Or as Record<string, Json>[]).some(holds);
          let v: Json;
          try {
            v = path(String(r.Variable), data, {});
          } catch {
            v = undefined;
          }
          if ("NumericGreaterThan" in r) return typeof v === "number" && v > Number(r.NumericGreaterThan);
          if ("NumericEquals" in r) return v === r.NumericEquals;
          if ("NumericLessThanEquals" in r) return typeof v === "number" && v <= Number(r.NumericLessThanEquals);
          throw new Error(`unsupported choice rule ${JSON.stringify(r)}`);
        };
        name = ((s.Choices as Record<string, Json>[]).find(holds)?.Next ?? s.Default) as string;
        continue;
      }
      if (s.Resource === ECS_RUN_TASK_SYNC) data = { ...data, task: { exitCode: outcomes.exitCodes?.[name] ?? 0 } };
      if (s.Resource === S3_LIST_OBJECTS) data = { ...data, previous: { count: outcomes.firstRun ? 0 : 1 } };
      name = terminal(s) ? undefined : (s.Next as string);
    }
    return seen;
  }

  it("the first run (no previous report) skips the diff, promotes the report and ends without notifying", () => {
    const path = walk({ firstRun: true });
    expect(path).toEqual(["Plan shards", "Scan shards", "Merge shards", "Merged?", "Find previous report", "Previous report?", "Promote report", "New findings?", "Done"]);
    const find = definition().States["Find previous report"]!;
    expect([find.Resource, find.Parameters, find.ResultSelector]).toEqual([
      S3_LIST_OBJECTS, { Bucket: "cdguard-reports-1a2b", Prefix: "latest/report.json", MaxKeys: 1 }, { "count.$": "$.KeyCount" },
    ]);
  });

  it("a merged report with failures (merge exits 1) goes on to the diff like a clean one", () => {
    expect(walk({ exitCodes: { "Merge shards": 1 } }).slice(2, 6)).toEqual(["Merge shards", "Merged?", "Find previous report", "Previous report?"]);
  });

  it("no new failure (diff exits 0): promoted, no notification", () => {
    expect(walk({}).slice(-6)).toEqual(["Previous report?", "Diff against previous", "Diffed?", "Promote report", "New findings?", "Done"]);
  });

  it("new failures (diff exits 1): promoted, then published to the topic", () => {
    const path = walk({ exitCodes: { "Diff against previous": 1 } });
    expect(path.slice(-4)).toEqual(["Promote report", "New findings?", "Notify new findings", "Done"]);
    const publish = definition().States["Notify new findings"]!;
    expect(publish.Resource).toBe(SNS_PUBLISH);
    expect((publish.Parameters as Record<string, Json>).TopicArn).toBe(PARAMS.topicArn);
    const message = intrinsic(String((publish.Parameters as Record<string, Json>)["Message.$"]), { runId: "run-7" });
    expect(message).toBe("The organization scan run-7 found new failures at or above high. What changed: s3://cdguard-reports-1a2b/runs/run-7/diff.md; the report: s3://cdguard-reports-1a2b/latest/report.json");
  });

  it.each([
    ["a shard failing", { errors: { "Scan shards": "States.ExceedToleratedFailureThreshold" } }],
    ["the merge refusing its shards (exit 2)", { exitCodes: { "Merge shards": 2 } }],
    ["the diff rejecting its input (exit 2)", { exitCodes: { "Diff against previous": 2 } }],
    ["the bucket unlistable", { errors: { "Find previous report": "S3.S3Exception" } }],
    ["the promotion failing", { errors: { "Promote report": "S3.S3Exception" } }],
  ])("%s reports the failure to the topic and fails the execution", (_, outcome) => {
    const path = walk(outcome);
    expect(path.slice(-2)).toEqual(["Report failure", "Failed"]);
    expect(path).not.toContain("Done");
  });

  it("the promotion copies the run's report to the latest key", () => {
    const promote = definition().States["Promote report"]!;
    expect(promote.Resource).toBe(S3_COPY_OBJECT);
    expect(template(promote.Parameters as Record<string, Json>, { runId: "run-7" }, {})).toEqual({
      Bucket: "cdguard-reports-1a2b", Key: "latest/report.json", CopySource: "cdguard-reports-1a2b/runs/run-7/report.json",
    });
  });
});
