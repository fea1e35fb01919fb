// The scheduled-scan example (examples/scheduled-scan): the GitHub Actions workflow is checked by GitHub's own
// workflow schema (@actions/workflow-parser) and by what a least-privilege scheduled scan needs; the role's
// trust policy is judged by the project's IAM analyzer (CDG-IAM-006's web-identity check) and by the example's
// stricter promise: one repository, one branch. Each check is shown failing on a copy changed in one place.
import { existsSync, readFileSync } from "node:fs";
import { register } from "node:module";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { unknown } from "../../src/core/value";
import { analyzePolicy, analyzePrincipals, GRANT_FINDING_KINDS, PRINCIPAL_FINDING_KINDS, verdictFor, type PrincipalFindingKind } from "../../src/iam";

const root = join(__dirname, "..", "..");
const exampleDir = join(root, "examples", "scheduled-scan");
const workflowFile = join(exampleDir, "github-actions.yml");
const roleFile = join(exampleDir, "github-oidc-role.yaml");
const workflowText = readFileSync(workflowFile, "utf8");

// ---------------------------------------------------------------------------------------------------------
// GitHub's workflow schema. The package is ESM and imports its schema JSON without an import attribute (it
// expects a bundler); this hook adds the attribute for that package's JSON files only.

interface WorkflowParser {
  parseWorkflow(file: { name: string; content: string }, trace: unknown): { context: { errors: { getErrors(): { message: string }[] } }; value: unknown };
  convertWorkflowTemplate(context: unknown, value: unknown): Promise<{ errors?: { Message: string }[] }>;
  NoOperationTraceWriter: new () => unknown;
}

const JSON_ATTRIBUTE_HOOK = `export async function load(url, context, nextLoad) {
  if (url.includes("/@actions/workflow-parser/") && url.endsWith(".json")) {
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: "json" } });
  }
  return nextLoad(url, context);
}`;
let parser: WorkflowParser;

beforeAll(async () => {
  register(`data:text/javascript,${encodeURIComponent(JSON_ATTRIBUTE_HOOK)}`);
  // A specifier in a variable: tsc (moduleResolution node) cannot read the package's `exports`-only types.
  const specifier = "@actions/workflow-parser";
  parser = (await import(specifier)) as WorkflowParser;
});

async function schemaErrors(content: string): Promise<string[]> {
  const parsed = parser.parseWorkflow({ name: "github-actions.yml", content }, new parser.NoOperationTraceWriter());
  const template = await parser.convertWorkflowTemplate(parsed.context, parsed.value);
  return [...new Set([...parsed.context.errors.getErrors().map((e) => e.message), ...(template.errors ?? []).map((e) => e.Message)])];
}

// ---------------------------------------------------------------------------------------------------------
// What a scheduled scan needs, as named problems.

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  "continue-on-error"?: boolean;
}
interface Job {
  steps: Step[];
  permissions?: unknown;
  environment?: unknown;
}
interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  permissions?: unknown;
  jobs: Record<string, Job>;
}

const CRON_FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] },
  { name: "day of week", min: 0, max: 6, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] },
] as const;

/** POSIX cron as GitHub reads it: five fields of `*`, numbers, ranges, lists and steps. */
function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return `cron '${expression}' has ${fields.length} fields, not 5`;
  for (const [i, field] of fields.entries()) {
    const spec = CRON_FIELDS[i]!;
    for (const item of field.split(",")) {
      const m = /^(\*|(\w+)(?:-(\w+))?)(?:\/(\d+))?$/.exec(item);
      const value = (v: string | undefined): number => {
        if (v === undefined) return spec.min;
        const named = "names" in spec ? (spec.names as readonly string[]).indexOf(v.toUpperCase()) : -1;
        if (named >= 0) return named + spec.min;
        return /^\d+$/.test(v) ? Number(v) : Number.NaN;
      };
      const bad = (n: number): boolean => !Number.isInteger(n) || n < spec.min || n > spec.max;
      if (m === null || bad(value(m[2])) || (m[3] !== undefined && bad(value(m[3]))) || m[4] === "0") {
        return `cron '${expression}': '${item}' is not a valid ${spec.name} (${spec.min}-${spec.max})`;
      }
    }
  }
  return undefined;
}

const isDaily = (expression: string): boolean => /^\d+ \d+ \* \* \*$/.test(expression.trim());
const PERMISSIONS = { "id-token": "write", contents: "read", "security-events": "write" };
const PINNED = /@(v\d+|[0-9a-f]{40})$/;
const action = (step: Step): string => (step.uses ?? "").split("@")[0] ?? "";
const runsAlways = (step: Step | undefined): boolean => step?.if?.includes("always()") === true;
/** `cdguard scan --...`, `node dist/src/cli/main.js scan --...`, or the arguments gathered first: `args=(scan --...`. */
const SCAN_COMMAND = /(?:main\.js|cdguard)\s+scan\s+-|\(scan\s+-/;

function workflowProblems(workflow: Workflow, text: string): string[] {
  const problems: string[] = [];
  const schedules = workflow.on.schedule ?? [];
  if (schedules.length === 0) problems.push("no schedule");
  for (const s of schedules) {
    const problem = cronProblem(s.cron);
    if (problem) problems.push(problem);
    else if (!isDaily(s.cron)) problems.push(`cron '${s.cron}' is not once a day`);
  }
  if (!("workflow_dispatch" in workflow.on)) problems.push("no workflow_dispatch");
  if (!sameMap(workflow.permissions, PERMISSIONS)) {
    problems.push(`permissions are ${JSON.stringify(workflow.permissions)}, not exactly ${JSON.stringify(PERMISSIONS)}`);
  }
  if (/AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID|aws-access-key-id|aws-secret-access-key|secrets\./i.test(text)) problems.push("mentions access keys or secrets");
  if (/\b(AKIA|ASIA)[A-Z0-9]{16}\b/.test(text)) problems.push("holds an access key id");
  for (const [name, job] of Object.entries(workflow.jobs)) {
    if (job.permissions !== undefined) problems.push(`job ${name} sets its own permissions`);
    if (job.environment !== undefined) problems.push(`job ${name} has an environment: the OIDC subject would not be the branch the role trusts`);
    problems.push(...jobProblems(name, job.steps));
  }
  return problems;
}

function sameMap(a: unknown, b: Record<string, string>): boolean {
  if (typeof a !== "object" || a === null) return false;
  const entries = Object.entries(a as Record<string, unknown>);
  return entries.length === Object.keys(b).length && entries.every(([k, v]) => b[k] === v);
}

function jobProblems(job: string, steps: readonly Step[]): string[] {
  const problems: string[] = [];
  const at = (test: (s: Step) => boolean): number => steps.findIndex(test);
  for (const s of steps) {
    if (s.uses !== undefined && !PINNED.test(s.uses)) problems.push(`${job}: ${s.uses} is not pinned to a major version or a commit`);
    if (s.run?.includes("${{")) problems.push(`${job}: step '${s.name}' expands an expression inside its script (pass it through env)`);
  }
  const checkout = at((s) => action(s) === "actions/checkout");
  const node = at((s) => action(s) === "actions/setup-node" && String(s.with?.["node-version"]) === "20" && s.with?.cache === "npm");
  const install = at((s) => /^npm ci\b/m.test(s.run ?? ""));
  const build = at((s) => /^npm run build\b/m.test(s.run ?? ""));
  const oidc = at((s) => action(s) === "aws-actions/configure-aws-credentials");
  const scan = at((s) => SCAN_COMMAND.test(s.run ?? ""));
  const order: [string, number][] = [["checkout", checkout], ["setup-node 20 with the npm cache", node], ["npm ci", install], ["npm run build", build], ["configure-aws-credentials", oidc], ["the scan", scan]];
  for (const [i, [what, index]] of order.entries()) {
    if (index < 0) problems.push(`${job}: no ${what} step`);
    else if (i > 0 && order[i - 1]![1] >= 0 && index < order[i - 1]![1]) problems.push(`${job}: ${what} comes before ${order[i - 1]![0]}`);
  }
  if (oidc >= 0) {
    const credentials = steps[oidc]!.with ?? {};
    if (!/^\$\{\{\s*vars\.[A-Z0-9_]+\s*\}\}$/.test(String(credentials["role-to-assume"]))) problems.push(`${job}: role-to-assume is not a repository variable`);
    for (const key of ["aws-access-key-id", "aws-secret-access-key", "aws-session-token"]) if (key in credentials) problems.push(`${job}: configure-aws-credentials is given ${key}`);
  }
  if (scan < 0) return problems;
  const scanStep = steps[scan]!;
  const script = scanStep.run ?? "";
  for (const flag of ["--org", "--baseline", "--out"]) if (!script.includes(flag)) problems.push(`${job}: the scan has no ${flag}`);
  const formats = /--format\s+(\S+)/.exec(script)?.[1]?.split(",") ?? [];
  for (const f of ["json", "sarif", "markdown"]) if (!formats.includes(f)) problems.push(`${job}: the scan does not write ${f}`);
  const baselineFile = /--baseline\s+(\S+)/.exec(script)?.[1];
  if (baselineFile !== undefined && !steps.slice(0, scan).some((s) => s.run?.includes(baselineFile))) problems.push(`${job}: no step before the scan fetches ${baselineFile}`);
  const after = steps.slice(scan + 1);
  const tolerated = scanStep["continue-on-error"] === true;
  const artifact = after.find((s) => action(s) === "actions/upload-artifact");
  const retention = Number(artifact?.with?.["retention-days"]);
  if (artifact === undefined) problems.push(`${job}: no artifact upload after the scan`);
  else if (!runsAlways(artifact)) problems.push(`${job}: the artifact upload does not run when the scan fails`);
  if (artifact !== undefined && !(Number.isInteger(retention) && retention >= 1 && retention <= 90)) problems.push(`${job}: the artifact upload has no retention-days (1-90)`);
  const sarif = after.find((s) => action(s) === "github/codeql-action/upload-sarif");
  if (sarif === undefined) problems.push(`${job}: no SARIF upload after the scan`);
  else if (!runsAlways(sarif)) problems.push(`${job}: the SARIF upload does not run when the scan fails`);
  if (sarif !== undefined && !String(sarif.with?.sarif_file).endsWith(".sarif")) problems.push(`${job}: the SARIF upload names no .sarif file`);
  const summary = after.find((s) => /\$GITHUB_STEP_SUMMARY/.test(s.run ?? ""));
  if (summary === undefined) problems.push(`${job}: nothing is written to $GITHUB_STEP_SUMMARY`);
  else if (!runsAlways(summary) || !/\.md\b/.test(summary.run ?? "")) problems.push(`${job}: the summary does not always append the Markdown report`);
  const last = steps[steps.length - 1];
  if (tolerated && !(last !== undefined && runsAlways(last) && last.if?.includes(`steps.${scanStep.id}.outcome == 'failure'`) && /exit 1/.test(last.run ?? ""))) {
    problems.push(`${job}: the scan's failure is tolerated but no final step fails the run`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------

type Mutable = Workflow & Record<string, unknown>;
const example = (): Mutable => parse(workflowText) as Mutable;
const scanJob = (w: Workflow): Job => w.jobs["scan"]!;
const stepNamed = (w: Workflow, pattern: RegExp): Step => scanJob(w).steps.find((s) => pattern.test(s.name ?? ""))!;

describe("examples/scheduled-scan/github-actions.yml", () => {
  it("is a valid workflow for GitHub's workflow schema", async () => {
    expect(await schemaErrors(workflowText)).toEqual([]);
  });

  it.each([
    ["a permission level GitHub does not know", workflowText.replace("id-token: write", "id-token: writ"), /Unexpected value 'writ'/],
    ["a step key GitHub does not know", workflowText.replace("continue-on-error: true", "continue-on-errors: true"), /continue-on-errors/],
    ["an expression naming an unknown context", workflowText.replace("${{ vars.CDGUARD_SCAN_ROLE_ARN }}", "${{ var.CDGUARD_SCAN_ROLE_ARN }}"), /named-value: 'var'/],
  ])("the schema check refuses %s", async (_what, content, error) => {
    const errors = await schemaErrors(content);
    expect(errors.join("\n")).toMatch(error);
  });

  it("has everything a scheduled least-privilege scan needs", () => {
    expect(workflowProblems(example(), workflowText)).toEqual([]);
  });

  const mutants: [string, (w: Mutable) => void, string, string?][] = [
    ["an hourly schedule", (w) => (w.on.schedule![0]!.cron = "17 * * * *"), "is not once a day"],
    ["a cron with six fields", (w) => (w.on.schedule![0]!.cron = "0 17 5 * * *"), "has 6 fields, not 5"],
    ["a cron minute out of range", (w) => (w.on.schedule![0]!.cron = "61 5 * * *"), "'61' is not a valid minute"],
    ["no manual trigger", (w) => delete w.on.workflow_dispatch, "no workflow_dispatch"],
    ["write-all permissions", (w) => (w.permissions = "write-all"), "not exactly"],
    ["an extra permission", (w) => (w.permissions = { ...PERMISSIONS, actions: "read" }), "not exactly"],
    ["no id-token permission", (w) => (w.permissions = { contents: "read", "security-events": "write" }), "not exactly"],
    ["a job granting itself more", (w) => (scanJob(w).permissions = { contents: "write" }), "sets its own permissions"],
    ["a job with an environment", (w) => (scanJob(w).environment = "production"), "OIDC subject"],
    [
      "long-lived keys from secrets",
      (w) => Object.assign(stepNamed(w, /OIDC/).with!, { "aws-access-key-id": "${{ secrets.KEY_ID }}" }),
      "configure-aws-credentials is given aws-access-key-id",
      "mentions access keys or secrets",
    ],
    ["a role ARN written in the workflow", (w) => (stepNamed(w, /OIDC/).with!["role-to-assume"] = "arn:aws:iam::111122223333:role/x"), "not a repository variable"],
    ["an action on a branch", (w) => (stepNamed(w, /^Check out/).uses = "actions/checkout@main"), "not pinned"],
    ["Node 18", (w) => (stepNamed(w, /Node/).with!["node-version"] = 18), "no setup-node 20"],
    ["no npm cache", (w) => delete stepNamed(w, /Node/).with!.cache, "no setup-node 20"],
    ["no build", (w) => (scanJob(w).steps = scanJob(w).steps.filter((s) => s.name !== "Build")), "no npm run build step"],
    ["credentials after the scan", (w) => moveAfter(w, /OIDC/, /^Scan$/), "the scan comes before configure-aws-credentials"],
    ["an account scan only", (w) => (stepNamed(w, /^Scan$/).run = stepNamed(w, /^Scan$/).run!.replace(/--org\b/g, "--all")), "the scan has no --org"],
    ["no SARIF report", (w) => (stepNamed(w, /^Scan$/).run = stepNamed(w, /^Scan$/).run!.replace("json,sarif,markdown", "json,markdown")), "does not write sarif"],
    ["no baseline fetched", (w) => (scanJob(w).steps = scanJob(w).steps.filter((s) => !/baseline\)/.test(s.name ?? ""))), "fetches baseline.json"],
    ["reports uploaded only on success", (w) => delete stepNamed(w, /Upload the reports/).if, "artifact upload does not run when the scan fails"],
    ["reports kept forever", (w) => delete stepNamed(w, /Upload the reports/).with!["retention-days"], "no retention-days"],
    ["SARIF uploaded only on success", (w) => (stepNamed(w, /SARIF/).if = "success()"), "SARIF upload does not run when the scan fails"],
    ["no summary", (w) => (scanJob(w).steps = scanJob(w).steps.filter((s) => s.name !== "Write the summary")), "nothing is written to $GITHUB_STEP_SUMMARY"],
    ["a swallowed scan failure", (w) => scanJob(w).steps.pop(), "no final step fails the run"],
    ["an input expanded inside a script", (w) => (stepNamed(w, /^Scan$/).run += '\necho "${{ inputs.scope }}"'), "expands an expression inside its script"],
  ];

  it.each(mutants)("refuses %s", (_what, mutate, problem, alsoWithText) => {
    const w = example();
    mutate(w);
    const problems = workflowProblems(w, alsoWithText === undefined ? workflowText : JSON.stringify(w));
    expect(problems.join("\n")).toContain(problem);
    if (alsoWithText !== undefined) expect(problems).toContain(alsoWithText);
  });

  it.each([
    ["17 5 * * *", undefined],
    ["*/15 0-6,22 1 JAN-MAR mon", undefined],
    ["0 24 * * *", "'24' is not a valid hour"],
    ["0 5 * * 7", "'7' is not a valid day of week"],
    ["0 5 0 * *", "'0' is not a valid day of month"],
    ["*/0 5 * * *", "'*/0' is not a valid minute"],
    ["0 5 * *", "has 4 fields"],
  ])("reads cron '%s'", (cron, problem) => {
    const found = cronProblem(cron);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});

function moveAfter(w: Workflow, moved: RegExp, anchor: RegExp): void {
  const steps = scanJob(w).steps;
  const step = steps.splice(steps.findIndex((s) => moved.test(s.name ?? "")), 1)[0]!;
  steps.splice(steps.findIndex((s) => anchor.test(s.name ?? "")) + 1, 0, step);
}

// ---------------------------------------------------------------------------------------------------------
// The role GitHub assumes.

const OWN = "111122223333";
const MEMBER = "444455556666";
const GITHUB_SUB = "token.actions.githubusercontent.com:sub";
const GITHUB_AUD = "token.actions.githubusercontent.com:aud";
type Verdict = "violation" | "unknown" | "fine" | "malformed";
type TrustDocument = { Statement: { Principal: Record<string, unknown>; Action: unknown; Condition?: Record<string, Record<string, unknown>> }[] };

interface RoleFile {
  trustPolicy: TrustDocument;
  permissions: { scanner: string; organization: string; baselineBucket: { document: unknown } };
  memberRoleTrustPolicy: TrustDocument;
}
const role = (): RoleFile => parse(readFileSync(roleFile, "utf8")) as RoleFile;

function analyzerVerdicts(policy: unknown, accountId: string): Record<PrincipalFindingKind, Verdict> {
  const analysis = analyzePrincipals(policy, { accountId, kind: "trust" });
  return Object.fromEntries(PRINCIPAL_FINDING_KINDS.map((k) => [k, verdictFor(analysis, k).verdict])) as Record<PrincipalFindingKind, Verdict>;
}

/** The example's promise: GitHub's OIDC tokens of one repository's one branch, and for STS only. */
function oneRepositoryOneBranch(policy: TrustDocument): { verdict: "pass" | "fail" | "not assessed"; reasons: string[] } {
  const reasons: string[] = [];
  for (const s of policy.Statement) {
    if (!String(s.Principal["Federated"] ?? "").endsWith(":oidc-provider/token.actions.githubusercontent.com")) continue;
    const subjects = Object.values(s.Condition ?? {}).map((keys) => keys[GITHUB_SUB]);
    if (subjects.some((v) => v !== undefined && typeof v !== "string" && !Array.isArray(v))) return { verdict: "not assessed", reasons: ["the subject is not known"] };
    const equals = s.Condition?.["StringEquals"] ?? {};
    const sub = equals[GITHUB_SUB];
    if (Object.entries(s.Condition ?? {}).some(([op, keys]) => op !== "StringEquals" && GITHUB_SUB in keys)) reasons.push("the subject is matched with a pattern operator");
    if (typeof sub !== "string") reasons.push(sub === undefined ? "no StringEquals on the subject" : "more than one subject");
    else if (!/^repo:[^/:*?]+\/[^/:*?]+:ref:refs\/heads\/[^*?]+$/.test(sub)) reasons.push(`subject '${sub}' is not one repository's one branch`);
    if (equals[GITHUB_AUD] !== "sts.amazonaws.com") reasons.push("the audience is not sts.amazonaws.com");
    if (s.Action !== "sts:AssumeRoleWithWebIdentity") reasons.push("the statement allows more than sts:AssumeRoleWithWebIdentity");
  }
  return { verdict: reasons.length === 0 ? "pass" : "fail", reasons };
}

describe("examples/scheduled-scan/github-oidc-role.yaml", () => {
  const setSub = (operator: string, value: unknown) => (p: TrustDocument) => {
    const c = p.Statement[0]!.Condition!;
    delete c["StringEquals"]![GITHUB_SUB];
    c[operator] = { ...(c[operator] ?? {}), [GITHUB_SUB]: value };
  };
  interface TrustCase {
    readonly name: string;
    readonly edit: (p: TrustDocument) => void;
    readonly analyzer: Verdict;
    readonly strict: "pass" | "fail" | "not assessed";
  }
  const cases: readonly TrustCase[] = [
    { name: "the example", edit: () => undefined, analyzer: "fine", strict: "pass" },
    { name: "the subject condition removed", edit: (p) => delete p.Statement[0]!.Condition!["StringEquals"]![GITHUB_SUB], analyzer: "violation", strict: "fail" },
    { name: "every condition removed", edit: (p) => delete p.Statement[0]!.Condition, analyzer: "violation", strict: "fail" },
    { name: "the subject widened to repo:*", edit: setSub("StringLike", "repo:*"), analyzer: "violation", strict: "fail" },
    { name: "the subject widened to any owner's main branch", edit: setSub("StringLike", "repo:*:ref:refs/heads/main"), analyzer: "violation", strict: "fail" },
    // CDG-IAM-006 accepts a subject scoped to one owner (every repository of OWNER): only the example's
    // own check, which wants one repository and one branch, refuses it.
    { name: "the subject widened to repo:OWNER/*", edit: setSub("StringLike", "repo:OWNER/*"), analyzer: "fine", strict: "fail" },
    { name: "the subject widened to every ref of the repository", edit: setSub("StringLike", "repo:OWNER/REPO:*"), analyzer: "fine", strict: "fail" },
    { name: "the audience removed", edit: (p) => delete p.Statement[0]!.Condition!["StringEquals"]![GITHUB_AUD], analyzer: "fine", strict: "fail" },
    {
      name: "the subject not known in preview (a pulumi.jsonStringify output)",
      edit: setSub("StringLike", unknown("preview", "the subject pattern")),
      analyzer: "unknown",
      strict: "not assessed",
    },
  ];

  it.each(cases)("$name: CDG-IAM-006's web-identity check says $analyzer; one repository and one branch: $strict", ({ edit, analyzer, strict }) => {
    const policy = role().trustPolicy;
    edit(policy);
    const verdicts = analyzerVerdicts(policy, OWN);
    expect(verdicts["web-identity-unrestricted-subject"]).toBe(analyzer);
    expect(oneRepositoryOneBranch(policy).verdict).toBe(strict);
  });

  it("admits no one else: every principal check of the analyzer is fine", () => {
    expect(analyzerVerdicts(role().trustPolicy, OWN)).toEqual(Object.fromEntries(PRINCIPAL_FINDING_KINDS.map((k) => [k, "fine"])));
  });

  it("lets member accounts trust only the scan role, from the organization", () => {
    expect(analyzerVerdicts(role().memberRoleTrustPolicy, MEMBER)["cross-account-without-condition"]).toBe("fine");
    // A fresh copy: the analyzer remembers documents it has parsed by identity.
    const unconditioned = role().memberRoleTrustPolicy;
    delete unconditioned.Statement[0]!.Condition;
    expect(analyzerVerdicts(unconditioned, MEMBER)["cross-account-without-condition"]).toBe("violation");
  });

  it("grants the baseline bucket nothing beyond its prefix", () => {
    const document = role().permissions.baselineBucket.document;
    const fine = (d: unknown) => GRANT_FINDING_KINDS.filter((k) => verdictFor(analyzePolicy(d), k).verdict !== "fine");
    expect(fine(document)).toEqual([]);
    const widened = JSON.parse(JSON.stringify(document).replace("arn:aws:s3:::example-cdguard-reports/cdguard/baseline/*", "*")) as unknown;
    expect(fine(widened)).not.toEqual([]);
  });

  it("refers to the generated scanner policies, which exist", () => {
    const { scanner, organization } = role().permissions;
    expect(join(exampleDir, scanner)).toBe(join(root, "scanner-iam-policy.json"));
    expect(join(exampleDir, organization)).toBe(join(root, "scanner-org-iam-policy.json"));
    const actions = (file: string): string[] => {
      const policy = JSON.parse(readFileSync(file, "utf8")) as { Statement: { Action: string | string[] }[] };
      return policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    };
    expect(actions(join(dirname(roleFile), scanner))).toContain("s3:GetBucketPolicy");
    // Generated by `npm run docs` once the organization scan lands (issue 13).
    expect(existsSync(join(root, "scanner-org-iam-policy.json")), "scanner-org-iam-policy.json is not generated yet").toBe(true);
    expect(actions(join(root, "scanner-org-iam-policy.json"))).toEqual(expect.arrayContaining(["organizations:ListAccounts", "sts:AssumeRole"]));
  });
});
