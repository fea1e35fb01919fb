// The example programs as deployed stacks: recorded with every value known, with secrets added, and
// written as `pulumi stack export` state files; and what the project's harness says about the same
// resources.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { AnalyzerResourceInput, Diagnostic, PackClient } from "../../src/engine-client/harness";
import { recordProgram, type RecordedResource } from "../../src/engine-client/record";
import { analyzerResourcesOf, toStateFile, type StateFile, type StateResourceInput } from "../../src/engine-client/state-file";
import { isPlainObject, secret } from "../../src/engine-client/wire";

export const REGION = "eu-west-1";

export interface Example {
  /** The folder name under examples/. */
  dir: string;
  path: string;
  /** Pulumi.yaml's `name`: the project the engine puts in URNs. */
  project: string;
}

/** Every examples/* holding a Pulumi program (Pulumi.yaml and index.ts). */
export function discoverExamples(root: string): Example[] {
  const base = join(root, "examples");
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(base, d.name, "Pulumi.yaml")) && existsSync(join(base, d.name, "index.ts")))
    .map((d) => {
      const path = join(base, d.name);
      const doc = parseYaml(readFileSync(join(path, "Pulumi.yaml"), "utf8")) as { name?: unknown };
      if (typeof doc.name !== "string") throw new Error(`${path}/Pulumi.yaml has no name`);
      return { dir: d.name, path, project: doc.name };
    })
    .sort((a, b) => (a.dir < b.dir ? -1 : 1));
}

/** Distinctive secret values, one per place a secret can sit; none may ever be printed. */
export interface SecretTokens {
  /** Stack config `aws:secretKey` (a secret config value): the default provider's inputs. */
  config: string;
  /** A tag value marked secret on every AWS resource with tags: inputs and outputs. */
  tag: string;
  /** A KMS key's description marked secret. */
  description: string;
  /** A secret output only (not an input): reaches AnalyzeStack alone. */
  output: string;
  /** Prefixed to every waiver tag's reason, the tag marked secret: a value the pack would otherwise print. */
  waiver: string;
}

export function secretTokens(): SecretTokens {
  const t = `cdg-secret-${randomBytes(6).toString("hex")}`;
  return { config: `${t}-config`, tag: `${t}-tag`, description: `${t}-description`, output: `${t}-output`, waiver: `${t}-waiver` };
}

/** The secret values the example programs themselves hold (`pulumi.secret(...)`). */
export const PROGRAM_SECRETS = ["Tr0ub4dor&3-never-print-me", "another-Secret-value-99", "Correct-Horse-Battery-Staple-42"];

export const SECRET_TAG_KEY = "cdg-contact";

/** Records an example as `pulumi up` would run it: every value known, ids and ARNs from the recorder's mocks. */
export function recordKnown(example: Example, tokens: SecretTokens): Promise<RecordedResource[]> {
  return recordProgram(join(example.path, "index.ts"), {
    stack: "dev",
    project: example.project,
    preview: false,
    config: { "aws:region": REGION, "aws:accessKey": "AKIAEXAMPLEEXAMPLE00", "aws:secretKey": tokens.config },
    secretConfigKeys: ["aws:secretKey"],
  });
}

const isAwsCustom = (r: RecordedResource): boolean => r.custom && r.type.startsWith("aws:");

/**
 * Adds secrets the programs do not have: a secret tag on every tagged AWS resource, secret KMS key
 * descriptions, and waiver tags (`cdguard:waive:<rule>`) made secret with a token in their reason, which
 * the pack prints when it is not secret.
 */
export function withSecrets(resources: RecordedResource[], tokens: SecretTokens): RecordedResource[] {
  return resources.map((r) => {
    if (!isAwsCustom(r)) return r;
    const properties = { ...r.properties };
    if (isPlainObject(properties.tags)) {
      const tags: Record<string, unknown> = { ...properties.tags, [SECRET_TAG_KEY]: secret(tokens.tag) };
      for (const [k, v] of Object.entries(tags)) {
        if (k.startsWith("cdguard:waive:") && typeof v === "string") tags[k] = secret(`${tokens.waiver} ${v}`);
      }
      properties.tags = tags;
    }
    if (r.type === "aws:kms/key:Key") properties.description = secret(tokens.description);
    return { ...r, properties };
  });
}

/**
 * A deployed resource's outputs: its inputs, plus what the recorder's mocks return for it
 * (src/engine-client/record-child.ts, `mocks`: id `<name>-id`, and for AWS resources an ARN), with
 * the id among the outputs as the AWS provider keeps it; plus one secret output. The recorder keeps
 * only the inputs, so the outputs are rebuilt here by the mocks' rule.
 */
export function deployedOutputs(r: RecordedResource, tokens: SecretTokens): Record<string, unknown> {
  const outputs: Record<string, unknown> = { ...r.properties };
  if (!isAwsCustom(r)) return outputs;
  const [, mod = ""] = r.type.split(":");
  outputs.id = `${r.name}-id`;
  if (outputs.arn === undefined) outputs.arn = `arn:aws:${mod.split("/")[0]}:${REGION}:123456789012:${r.name}`;
  outputs.secretNote = secret(tokens.output);
  return outputs;
}

export type Variant = "deployed" | "as-recorded";

/**
 * The state file of an example's resources. "deployed": outputs are the inputs plus the mocked id, ARN
 * and a secret output, as a deployed stack holds them; "as-recorded": outputs are the inputs, exactly
 * what the project's harness sends to AnalyzeStack.
 */
export function stateOf(example: Example, resources: RecordedResource[], variant: Variant, tokens: SecretTokens): StateFile {
  const input: StateResourceInput[] = variant === "deployed" ? resources.map((r) => ({ ...r, outputs: deployedOutputs(r, tokens) })) : resources;
  return toStateFile(input, { project: example.project, stack: "dev" });
}

/** The project's harness on a state file's resources, as `pulumi policy analyze --file` sends them. */
export async function harnessOnState(pack: PackClient, state: StateFile): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const r of analyzerResourcesOf(state, "analyze")) diagnostics.push(...(await pack.analyze(r)).diagnostics);
  diagnostics.push(...(await pack.analyzeStack(analyzerResourcesOf(state, "analyzeStack"))).diagnostics);
  return diagnostics;
}

/** The project's harness on recorded resources, as analyzeProgram runs them (in the order given). */
export async function harnessOnRecorded(pack: PackClient, resources: AnalyzerResourceInput[]): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const r of resources) diagnostics.push(...(await pack.analyze(r)).diagnostics);
  diagnostics.push(...(await pack.analyzeStack(resources)).diagnostics);
  return diagnostics;
}

/** One diagnostic, as compared between the CLI and the harness: level, policy, resource, severity, message. */
export interface Shown {
  enforcementLevel: string;
  policyName: string;
  urn: string;
  severity: string;
  message: string;
}

export const fromDiagnostic = (d: Diagnostic): Shown =>
  ({ enforcementLevel: d.enforcementLevel, policyName: d.policyName, urn: d.urn, severity: d.severity, message: d.message });

export const key = (s: Shown): string => `${s.enforcementLevel} ${s.policyName} ${s.urn} ${s.severity}\n${s.message}`;
export const multiset = (xs: readonly Shown[]): string[] => xs.map(key).sort();

/**
 * A "not assessed" result: shown as an advisory diagnostic whose message (after the policy's description
 * line, when there is one) starts with "not assessed", possibly after the rule id and the resource.
 */
export function isNotAssessed(message: string): boolean {
  return message.split("\n").some((line) => /^(\[[A-Z]+-[A-Z]+-\d+\]\s*)?([^:\n]*:\s*)?not assessed\b/.test(line.trim()));
}

/** "level policy resource-name severity" for each violation (not "not assessed"), sorted. */
export function violations(xs: readonly Shown[]): string[] {
  return xs
    .filter((s) => !isNotAssessed(s.message))
    .map((s) => `${s.enforcementLevel} ${s.policyName} ${s.urn.split("::").slice(3).join("::")} ${s.severity}`)
    .sort();
}
