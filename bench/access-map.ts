// `npm run bench -- --only access-map`: the access map (src/access/access-map.ts) on a seeded synthetic
// account of 1,000 principals x 1,000 stores, built with the scanner's model shapes (ids are ARNs).
import { cpus } from "node:os";
import { buildAccessMap } from "../src/access/access-map";
import { random } from "./generate-resources";
import { buildDataInventory } from "../src/access/build";
import { DEFAULT_CONFIG } from "../src/core/config";
import { INVENTORY_FORMATS, renderInventory, type InventoryFormat } from "../src/reports/inventory";
import { awsManagedPolicyDocument } from "../src/iam";
import type { DataStore, StoreKind } from "../src/models/data-store";
import type { ResourcePolicy } from "../src/models/exposure";
import type { IamManagedPolicy, IamPrincipal, PrincipalKind } from "../src/models/iam";
import type { Inventory } from "../src/models/inventory";

export const ACCESS_MAP_START = "<!-- access-map-bench:start -->";
export const ACCESS_MAP_END = "<!-- access-map-bench:end -->";

export interface AccessMapBenchOptions {
  readonly principals: number;
  readonly stores: number;
  readonly repeats: number;
  readonly seed: number;
  readonly log: (m: string) => void;
}

export interface AccessMapBenchResults {
  readonly principals: number;
  readonly stores: number;
  readonly documents: number;
  readonly bucketPolicies: number;
  readonly runsMs: readonly number[];
  readonly medianMs: number;
  /** The first run, which also loads the action catalogue and the AWS managed policies. */
  readonly firstRunMs: number;
  readonly edges: number;
  readonly edgesByStatus: Readonly<Record<string, number>>;
  readonly heapUsedMb: number;
  readonly maxRssMb: number;
  readonly machine: string;
  /** The whole document (`buildDataInventory`: access map, stores, summaries; no findings), once. */
  readonly documentMs: number;
  /** Each output format of that document: time to render and size. */
  readonly renders: readonly { readonly format: InventoryFormat; readonly ms: number; readonly bytes: number }[];
}

const OWN = "111111111111";
const PARTNER = "222222222222";
const REGION = "eu-west-1";

/** The stack generator's seeded generator, so every run builds the same account. */
const rng = random;

const KINDS: readonly { kind: StoreKind; share: number; arn: (n: string) => string; type: string; label: string }[] = [
  { kind: "s3-bucket", share: 0.4, arn: (n) => `arn:aws:s3:::${n}`, type: "AWS::S3::Bucket", label: "S3 bucket" },
  { kind: "dynamodb-table", share: 0.25, arn: (n) => `arn:aws:dynamodb:${REGION}:${OWN}:table/${n}`, type: "AWS::DynamoDB::Table", label: "DynamoDB table" },
  { kind: "rds-instance", share: 0.15, arn: (n) => `arn:aws:rds:${REGION}:${OWN}:db:${n}`, type: "AWS::RDS::DBInstance", label: "RDS instance" },
  { kind: "sqs-queue", share: 0.1, arn: (n) => `arn:aws:sqs:${REGION}:${OWN}:${n}`, type: "AWS::SQS::Queue", label: "SQS queue" },
  { kind: "secret", share: 0.1, arn: (n) => `arn:aws:secretsmanager:${REGION}:${OWN}:secret:${n}-AbCdEf`, type: "AWS::SecretsManager::Secret", label: "Secrets Manager secret" },
];

const READ_ACTIONS: Partial<Record<StoreKind, string[]>> = {
  "s3-bucket": ["s3:GetObject", "s3:ListBucket"],
  "dynamodb-table": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"],
  "rds-instance": ["rds:DescribeDBInstances", "rds:ModifyDBInstance"],
  "sqs-queue": ["sqs:ReceiveMessage", "sqs:SendMessage"],
  secret: ["secretsmanager:GetSecretValue"],
};

const doc = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });

export function syntheticAccount(principalCount: number, storeCount: number, seed: number): { inventory: Inventory; documents: number } {
  const rand = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const stores: DataStore[] = [];
  for (const k of KINDS) {
    const n = Math.round(storeCount * k.share);
    for (let i = 0; i < n && stores.length < storeCount; i++) {
      const name = `${k.kind.split("-")[0]}-data-${i}`;
      const arn = k.arn(name);
      stores.push({
        model: "data-store",
        ref: { id: arn, type: k.type, name, label: k.label, account: OWN, region: REGION },
        kind: k.kind,
        physicalName: name,
        tags: { "data-classification": pick(["restricted", "confidential", "internal"]) },
        encryption: { enabled: true, keyManager: "aws-managed", observed: "default" },
        parts: [],
      });
    }
  }
  // Object ARNs for buckets, the ARN itself for the rest.
  const resourceOf = (s: DataStore): string[] => (s.kind === "s3-bucket" ? [s.ref.id, `${s.ref.id}/*`] : [s.ref.id]);
  const grantOn = (picked: readonly DataStore[]) => picked.map((s) => ({ Effect: "Allow", Action: READ_ACTIONS[s.kind] ?? [], Resource: resourceOf(s) }));

  let documents = 0;
  const policies: IamManagedPolicy[] = [];
  const managed = (name: string, document: unknown, awsManaged = false): IamManagedPolicy => {
    const arn = awsManaged ? `arn:aws:iam::aws:policy/${name}` : `arn:aws:iam::${OWN}:policy/${name}`;
    const p: IamManagedPolicy = { model: "iam-managed-policy", ref: { id: arn, type: "AWS::IAM::ManagedPolicy", name, label: "IAM policy" }, arn, name, document, awsManaged };
    policies.push(p);
    documents++;
    return p;
  };
  const admin = managed("AdministratorAccess", awsManagedPolicyDocument("arn:aws:iam::aws:policy/AdministratorAccess"), true);
  const shared = Array.from({ length: 20 }, (_, i) => managed(`team-${i}-data`, doc(...grantOn(Array.from({ length: 20 }, () => pick(stores))))));
  const boundary = managed("no-secrets-boundary", doc({ Effect: "Allow", Action: ["s3:*", "dynamodb:*", "sqs:*", "rds:*"], Resource: "*" }));
  const attach = (p: IamManagedPolicy) => ({ policyArn: p.arn, policyRef: p.ref.id, via: p.ref });

  const principals: IamPrincipal[] = [];
  const principalOf = (kind: PrincipalKind, name: string, over: Partial<IamPrincipal>): IamPrincipal => {
    const arn = `arn:aws:iam::${OWN}:${kind}/${name}`;
    return { model: "iam-principal", ref: { id: arn, type: `AWS::IAM::${kind}`, name, label: `IAM ${kind}`, account: OWN }, kind, name, arn, tags: kind === "group" ? undefined : {}, inlinePolicies: [], attachedPolicies: [], groups: [], ...over };
  };
  const inline = (owner: string, name: string, document: unknown) => {
    documents++;
    return { name, document, ref: { id: `${owner}/${name}`, type: "inline", name, label: "inline policy" }, principal: { kind: "role" as const, name: owner } };
  };
  const groups = Array.from({ length: 10 }, (_, i) =>
    principalOf("group", `group-${i}`, { attachedPolicies: [attach(pick(shared))], inlinePolicies: [inline(`group-${i}`, "extra", doc(...grantOn([pick(stores), pick(stores)])))] }),
  );
  principals.push(...groups);
  const services = ["s3", "dynamodb", "sqs", "secretsmanager", "rds"];
  for (let i = principals.length; i < principalCount; i++) {
    const isUser = rand() < 0.25;
    const kind: PrincipalKind = isUser ? "user" : "role";
    const name = `${kind}-${i}`;
    const r = rand();
    const own: object[] = [];
    const attached = [attach(pick(shared)), attach(pick(shared))];
    if (i < 15) attached.push(attach(admin));
    else if (r < 0.1) own.push({ Effect: "Allow", Action: `${pick(services)}:Get*`, Resource: "*" });
    else own.push(...grantOn(Array.from({ length: 5 }, () => pick(stores))), { Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::s3-data-${Math.floor(rand() * 10)}*` });
    if (rand() < 0.1) own.push({ Effect: "Deny", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } });
    if (rand() < 0.05) own.push({ Effect: "Deny", Action: "dynamodb:DeleteTable", Resource: "*" });
    principals.push(
      principalOf(kind, name, {
        inlinePolicies: [inline(name, "app", doc(...own))],
        attachedPolicies: attached,
        groups: isUser ? [pick(groups).ref.id] : [],
        ...(rand() < 0.1 ? { permissionsBoundary: boundary.arn, permissionsBoundaryRef: boundary.ref.id } : {}),
      }),
    );
  }
  const resourcePolicies: ResourcePolicy[] = stores
    .filter((s, i) => s.kind === "s3-bucket" && i % 5 === 0)
    .map((s, i) => {
      documents++;
      const grant =
        i % 3 === 0
          ? { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${PARTNER}:root` }, Action: ["s3:GetObject", "s3:PutObject"], Resource: `${s.ref.id}/*` }
          : { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${s.ref.id}/*`, Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } };
      const tls = { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [s.ref.id, `${s.ref.id}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } };
      return { ref: s.ref, target: s.ref.id, service: "s3", document: JSON.stringify(doc(grant, tls)), origin: `bucket policy of ${s.ref.name}`, accountId: OWN };
    });
  return {
    inventory: { stores, keys: [], resourcePolicies, iam: { principals, policies, inlinePolicies: [], attachments: [] }, ownAccountIds: [OWN] },
    documents,
  };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export function runAccessMapBench(opts: AccessMapBenchOptions): AccessMapBenchResults {
  const { inventory, documents } = syntheticAccount(opts.principals, opts.stores, opts.seed);
  opts.log(`access map: ${opts.principals} principals x ${inventory.stores.length} stores, ${documents} documents`);
  const runs: number[] = [];
  let edges = 0;
  let heapUsedMb = 0;
  const edgesByStatus: Record<string, number> = {};
  let firstRunMs = 0;
  for (let i = 0; i <= opts.repeats; i++) {
    const t0 = process.hrtime.bigint();
    const map = buildAccessMap(inventory, { ownAccounts: [OWN] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    heapUsedMb = Math.max(heapUsedMb, process.memoryUsage().heapUsed / 2 ** 20);
    // The first run also loads the catalogues (a process does it once): reported apart.
    if (i === 0) firstRunMs = ms;
    else runs.push(ms);
    edges = map.access.length;
    if (i === 0) for (const e of map.access) edgesByStatus[e.status] = (edgesByStatus[e.status] ?? 0) + 1;
    opts.log(`  run ${i}: ${ms.toFixed(0)} ms, ${edges} edges`);
  }
  const t1 = process.hrtime.bigint();
  const doc = buildDataInventory({ inventory, findings: [], config: DEFAULT_CONFIG, source: { front: "scan", name: "synthetic", accounts: [OWN] }, ownAccounts: [OWN] });
  const documentMs = Number(process.hrtime.bigint() - t1) / 1e6;
  opts.log(`  whole document: ${documentMs.toFixed(0)} ms`);
  const renders = INVENTORY_FORMATS.map((format) => {
    const t = process.hrtime.bigint();
    const text = renderInventory(doc, format);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    opts.log(`  ${format}: ${ms.toFixed(0)} ms, ${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MiB`);
    return { format, ms, bytes: Buffer.byteLength(text) };
  });
  const cpu = cpus();
  return {
    documentMs,
    renders,
    principals: opts.principals,
    stores: inventory.stores.length,
    documents,
    bucketPolicies: inventory.resourcePolicies?.length ?? 0,
    runsMs: runs,
    medianMs: median(runs),
    firstRunMs,
    edges,
    edgesByStatus,
    heapUsedMb,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    machine: `${cpu.length} x ${cpu[0]?.model ?? "cpu"}, Node ${process.version}`,
  };
}

export function renderAccessMapSection(r: AccessMapBenchResults, command: string): string {
  const statuses = Object.entries(r.edgesByStatus)
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
  return `${ACCESS_MAP_START}
## Access map (\`cdguard inventory\`)

\`buildAccessMap\` on a seeded synthetic account: ${r.principals} principals (15 with AdministratorAccess, ~10% with
\`Resource: "*"\` on one service, the rest with specific ARNs; 20 shared managed policies, 10 groups with members,
some denies and a shared permissions boundary) x ${r.stores} stores (S3, DynamoDB, RDS, SQS, Secrets Manager;
${r.bucketPolicies} bucket policies), ${r.documents} policy documents.

| | |
|---|---|
| median of ${r.runsMs.length} runs | **${(r.medianMs / 1000).toFixed(2)} s** (runs: ${r.runsMs.map((m) => `${(m / 1000).toFixed(2)} s`).join(", ")}) |
| first run (loads the action catalogue and AWS managed policies) | ${(r.firstRunMs / 1000).toFixed(2)} s |
| access edges | ${r.edges} (${statuses}) |
| heap used right after a run (result kept, garbage not yet collected) | ${r.heapUsedMb.toFixed(0)} MB |
| the whole document once (\`buildDataInventory\`: access map, stores, summaries) | ${(r.documentMs / 1000).toFixed(2)} s |
${r.renders.map((x) => `| rendering it as ${x.format} | ${(x.ms / 1000).toFixed(2)} s, ${(x.bytes / 2 ** 20).toFixed(1)} MiB |`).join("\n")}
| peak RSS of the process | ${r.maxRssMb.toFixed(0)} MB |
| machine | ${r.machine} |

Command: \`${command}\`
${ACCESS_MAP_END}
`;
}

/** Replaces the access-map section of BENCHMARKS.md, or appends it. */
export function spliceAccessMapSection(existing: string, section: string): string {
  const a = existing.indexOf(ACCESS_MAP_START);
  const b = existing.indexOf(ACCESS_MAP_END);
  if (a >= 0 && b > a) return `${existing.slice(0, a)}${section}${existing.slice(b + ACCESS_MAP_END.length).replace(/^\n/, "")}`;
  return `${existing.trimEnd()}\n\n${section}`;
}

/** The access-map section of an existing report (markers included), or undefined. */
export function accessMapSectionOf(existing: string): string | undefined {
  const a = existing.indexOf(ACCESS_MAP_START);
  const b = existing.indexOf(ACCESS_MAP_END);
  return a >= 0 && b > a ? `${existing.slice(a, b + ACCESS_MAP_END.length)}\n` : undefined;
}
