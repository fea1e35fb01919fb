// Prowler (the open-source AWS scanner, from PyPI) in a virtualenv of its own, pointed at moto.
//
// boto3 sends every client to AWS_ENDPOINT_URL. Retries are off (--aws-retries-max-attempts 0, and
// AWS_MAX_ATTEMPTS=1 for any client Prowler builds without its config). Excluded: the S3 checks that
// read S3 Control (found by their `s3control_client` import), because S3 Control's endpoint rules put
// the account id in front of the host, custom endpoints included (`123456789012.127.0.0.1`): those
// calls would be DNS look-ups leaving the machine instead of requests to moto on 127.0.0.1.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const PROWLER_VERSION = "5.46.0";
const MARKER = ".cdguard-prowler-complete";
const INSTALL_TIMEOUT_MS = 20 * 60_000;

export const prowlerVenv = (): string => process.env.CDG_PROWLER_VENV ?? join(homedir(), ".cache", "cdguard-bench", "prowler-venv");
const prowlerBin = (venv: string): string => join(venv, "bin", "prowler");

function installedVersion(venv: string): string | undefined {
  try {
    return /Prowler (\S+)/.exec(execFileSync(prowlerBin(venv), ["--version"], { encoding: "utf8", timeout: 120_000, stdio: ["ignore", "pipe", "ignore"] }))?.[1];
  } catch {
    return undefined;
  }
}

/** The `prowler` executable, installing prowler==PROWLER_VERSION first when needed; an Error says why not. */
export function ensureProwler(log: (m: string) => void): string | Error {
  const venv = prowlerVenv();
  const marked = (): boolean => existsSync(join(venv, MARKER)) && readFileSync(join(venv, MARKER), "utf8").trim() === PROWLER_VERSION;
  if (marked() && existsSync(prowlerBin(venv))) return prowlerBin(venv);
  if (installedVersion(venv) === PROWLER_VERSION) {
    writeFileSync(join(venv, MARKER), `${PROWLER_VERSION}\n`);
    return prowlerBin(venv);
  }
  log(`installing prowler==${PROWLER_VERSION} into ${venv} (about 5 minutes, once)`);
  try {
    execFileSync(process.env.CDG_PROWLER_PYTHON ?? "python3", ["-m", "venv", "--clear", venv], { stdio: "inherit" });
    execFileSync(join(venv, "bin", "pip"), ["install", "--disable-pip-version-check", "--no-input", "--quiet", `prowler==${PROWLER_VERSION}`], {
      stdio: "inherit",
      timeout: INSTALL_TIMEOUT_MS,
    });
  } catch (e) {
    return new Error(`pip could not install prowler==${PROWLER_VERSION}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
  const version = installedVersion(venv);
  if (version !== PROWLER_VERSION) return new Error(`prowler installed, but \`prowler --version\` reports ${version ?? "nothing"}`);
  writeFileSync(join(venv, MARKER), `${PROWLER_VERSION}\n`);
  return prowlerBin(venv);
}

/** Our scanner's services (as its report names them) → Prowler's. STS has no checks. */
const PROWLER_SERVICES: Record<string, readonly string[]> = {
  iam: ["iam"],
  organizations: ["organizations"],
  s3: ["s3"],
  ec2: ["ec2", "vpc"],
  rds: ["rds"],
  dynamodb: ["dynamodb"],
  kms: ["kms"],
  redshift: ["redshift"],
  "redshift-serverless": ["redshift"],
  elasticache: ["elasticache"],
  es: ["opensearch"],
  elasticfilesystem: ["efs"],
  sqs: ["sqs"],
  sns: ["sns"],
  secretsmanager: ["secretsmanager"],
  logs: ["cloudwatch"],
  backup: ["backup"],
  kinesis: ["kinesis"],
  firehose: ["firehose"],
  kafka: ["kafka"],
};

/** Prowler's services covering those our scan called. */
export function prowlerServices(ourServices: readonly string[]): string[] {
  return [...new Set(ourServices.flatMap((s) => PROWLER_SERVICES[s] ?? []))].sort();
}

/** Checks of the installed Prowler that read S3 Control (their module imports `s3control_client`). */
export function s3ControlChecks(prowler: string): string[] {
  const lib = join(prowler, "..", "..", "lib");
  const python = readdirSync(lib).find((d) => d.startsWith("python"));
  if (!python) return [];
  const s3 = join(lib, python, "site-packages", "prowler", "providers", "aws", "services", "s3");
  return readdirSync(s3, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(s3, d.name, `${d.name}.py`)))
    .filter((d) => /\bs3control_client\b/.test(readFileSync(join(s3, d.name, `${d.name}.py`), "utf8")))
    .map((d) => d.name)
    .sort();
}

export function prowlerArgs(services: readonly string[], excluded: readonly string[], outDir: string): string[] {
  return [
    "aws",
    "--region", "us-east-1",
    "--service", ...services,
    ...(excluded.length > 0 ? ["--excluded-check", ...excluded] : []),
    "--aws-retries-max-attempts", "0",
    "--output-formats", "json-ocsf",
    "--output-directory", outDir,
    "--output-filename", "prowler",
    "--no-banner",
    "--no-color",
    "--ignore-exit-code-3",
  ];
}

export function prowlerEnv(endpoint: string): NodeJS.ProcessEnv {
  const { PATH, HOME, LANG, TMPDIR } = process.env;
  return {
    ...(PATH ? { PATH } : {}),
    ...(HOME ? { HOME } : {}),
    ...(LANG ? { LANG } : {}),
    ...(TMPDIR ? { TMPDIR } : {}),
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_MAX_ATTEMPTS: "1",
    AWS_RETRY_MODE: "standard",
    AWS_EC2_METADATA_DISABLED: "true",
    PYTHONUNBUFFERED: "1",
  };
}

/** Findings and distinct resources in Prowler's OCSF output. */
export function prowlerFindings(outDir: string): { findings: number; resources: number } | undefined {
  const file = join(outDir, "prowler.ocsf.json");
  if (!existsSync(file)) return undefined;
  const items = JSON.parse(readFileSync(file, "utf8")) as { resources?: { uid?: string }[] }[];
  const uids = new Set(items.flatMap((f) => (f.resources ?? []).map((r) => r.uid ?? "")));
  return { findings: items.length, resources: uids.size };
}
