// The data inventory and access map of every example program, in both shapes of a preview: a deployed stack
// (a `pulumi stack export` of it: every value known) and a new stack's preview (ids, ARNs and computed outputs
// unknown). The expectations were checked by hand against each program (see the comments).
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { DataInventory } from "../../src/access/model";
import { projectName, recordProgram } from "../../src/engine-client/record";
import { pulumiDataInventory, stackResourcesOfExport, stackResourcesOfRecorded } from "../../src/engine-client/stack-inventory";
import { ALL_RULES } from "../../src/rules";
import { discoverExamples, recordKnown, secretTokens, stateOf, withSecrets } from "../realcli/examples";

const examples = discoverExamples(`${__dirname}/../..`);
const judging = { rules: ALL_RULES, entries: {} };
const docs = new Map<string, { known: DataInventory; preview: DataInventory }>();

beforeAll(async () => {
  const tokens = secretTokens();
  for (const e of examples) {
    const state = stateOf(e, withSecrets(await recordKnown(e, tokens), tokens), "deployed", tokens);
    const known = pulumiDataInventory(stackResourcesOfExport(JSON.stringify(state), "dev.json"), judging);
    const recorded = await recordProgram(`${e.path}/index.ts`, { stack: "dev", project: e.project, preview: true, config: { "aws:region": "eu-west-1" } });
    const preview = pulumiDataInventory(stackResourcesOfRecorded(recorded, "preview"), judging);
    docs.set(e.dir, { known, preview });
  }
  // The scheduled organization scan's deployment program lives one folder down.
  const scheduled = join(__dirname, "..", "..", "examples", "scheduled-scan", "pulumi");
  const record = (preview: boolean) => recordProgram(join(scheduled, "index.ts"), { stack: "dev", project: projectName(scheduled), preview, config: { "aws:region": "eu-west-1" } });
  docs.set("scheduled-scan", {
    known: pulumiDataInventory(stackResourcesOfRecorded(await record(false), "dev"), judging),
    preview: pulumiDataInventory(stackResourcesOfRecorded(await record(true), "preview"), judging),
  });
}, 600_000);

const short = (id: string) => id.split("::").pop() ?? id;
function summary(doc: DataInventory) {
  const names = new Map(doc.principals.map((p) => [p.id, p.kind === "role" || p.kind === "user" || p.kind === "group" ? `${p.kind}:${short(p.id)}` : p.id]));
  return {
    stores: doc.stores.map((s) => `${short(s.id)} ${s.kind} ${s.classification.level ?? "?"}/${s.classification.basis} segment=${s.segment ?? s.segmentState}`),
    access: doc.access.map((e) => `${short(e.store)} ${e.level} ${names.get(e.principal) ?? e.principal} ${e.status}`),
    gaps: doc.gaps.map((g) => `${short(g.subject)}: ${g.reason}`),
  };
}

interface Expected {
  /** `<name> <kind> <level>/<basis> segment=<segment or tag state>`, the same in both shapes. */
  readonly stores: readonly string[];
  /** `<store> <level> <principal> <status>` with every value known (a deployed stack). */
  readonly known: readonly string[];
  /** The same in a new stack's preview: what depends on a document not known yet is unknown, never allowed. */
  readonly preview: readonly string[];
  /** Principals and stores with a gap in the preview (documents built with jsonStringify/interpolate/getPolicyDocumentOutput). */
  readonly previewGaps: readonly string[];
}

// Checked by hand against each program:
// - access-compliant: orders-app reads customer-documents through the managed policy (s3:GetObject on
//   `${arn}/*`; kms:Decrypt is on a key, not a store); S3 may publish to document-events only from the bucket
//   (aws:SourceArn: conditional); no policy reaches customers-db; external-auditor holds no policy.
// - access-violations: operator's ec2:TerminateInstances/StopInstances on `*` write the web server instance;
//   its s3:PutObject on `*` reaches no bucket (the stack has none); S3 may publish to document-events with no
//   condition; deployer's iam:*Policy* and orders-app's AmazonS3FullAccess reach no store of the stack.
// - segments-*: each tenant app reads and writes its own bucket (GetObject/PutObject on `${arn}/*`); in the
//   violating program the reporting role also reads both tenants' buckets; no IAM policy reaches the databases.
// - encryption-* and hygiene-*: no principal holds a policy on a store (hygiene-compliant's flow-log role holds
//   none; the bucket and queue policies only deny plain HTTP).
// - scheduled-scan: the shard tasks write the reports bucket; the merge task and the state machine read and
//   write it; the state machine publishes to the findings topic; S3 server access logging (conditioned on the
//   source bucket and account) writes the access-log bucket. The recorder's mocks give log groups ARNs of the
//   form arn:aws:cloudwatch:...:<name>, which no `logs` Resource names: their log-stream grants show only in
//   the preview, as unknown (access-map.test.ts proves log-stream forms with real log group ARNs).
const EXPECTED: Record<string, Expected> = {
  "access-compliant": {
    stores: [
      "shop-web-server ec2-instance internal/assumed segment=untagged",
      "customers-db rds-instance restricted/tag segment=untagged",
      "customer-documents s3-bucket restricted/tag segment=untagged",
      "document-events sns-topic confidential/assumed segment=untagged",
    ],
    known: [
      "customer-documents read role:orders-app allowed",
      "document-events write service:s3.amazonaws.com conditional",
    ],
    preview: [],
    previewGaps: [
      "customer-documents",
      "document-events",
      "orders-app",
    ],
  },
  "access-violations": {
    stores: [
      "shop-web-server ec2-instance internal/assumed segment=untagged",
      "document-events sns-topic confidential/assumed segment=untagged",
    ],
    known: [
      "shop-web-server write role:operator allowed",
      "document-events write service:s3.amazonaws.com allowed",
    ],
    preview: [
      "shop-web-server write role:operator allowed",
    ],
    previewGaps: [
      "document-events",
      "operator",
    ],
  },
  "encryption-compliant": {
    stores: [
      "sessions dynamodb-table restricted/tag segment=untagged",
      "exports efs-file-system restricted/tag segment=untagged",
      "customers-db rds-instance restricted/tag segment=untagged",
      "customers-db-replica rds-instance restricted/tag segment=untagged",
      "marketing-assets s3-bucket public/tag segment=untagged",
      "orders s3-bucket restricted/tag segment=untagged",
      "order-events sqs-queue confidential/tag segment=untagged",
    ],
    known: [],
    preview: [],
    previewGaps: [],
  },
  "encryption-violations": {
    stores: [
      "payment-methods dynamodb-table restricted/tag segment=untagged",
      "scratch ebs-volume confidential/tag segment=untagged",
      "accounts-db rds-instance confidential/tag segment=untagged",
      "accounts-db-replica rds-instance confidential/tag segment=untagged",
      "ledger-db rds-instance restricted/tag segment=untagged",
      "customer-exports s3-bucket restricted/tag segment=untagged",
      "legacy-import s3-bucket restricted/tag segment=untagged",
      "order-notifications sns-topic internal/tag segment=untagged",
    ],
    known: [],
    preview: [],
    previewGaps: [],
  },
  "hygiene-compliant": {
    stores: [
      "orders-backups backup-vault restricted/tag segment=untagged",
      "orders-app log-group restricted/tag segment=untagged",
      "orders-flow-logs log-group restricted/tag segment=untagged",
      "carts dynamodb-table restricted/tag segment=untagged",
      "sessions-cache elasticache-replication-group confidential/tag segment=untagged",
      "clickstream kinesis-stream restricted/tag segment=untagged",
      "orders-db rds-instance restricted/tag segment=untagged",
      "trail-logs s3-bucket internal/tag segment=untagged",
      "payment-requests sqs-queue restricted/tag segment=untagged",
      "customer-exports s3-bucket restricted/tag segment=untagged",
      "customer-exports-access-logs s3-bucket internal/tag segment=untagged",
    ],
    known: [],
    preview: [],
    previewGaps: [
      "customer-exports",
      "payment-requests",
    ],
  },
  "hygiene-violations": {
    stores: [
      "orders-backups backup-vault confidential/tag segment=untagged",
      "orders-app log-group confidential/tag segment=untagged",
      "carts dynamodb-table confidential/tag segment=untagged",
      "sessions-cache elasticache-replication-group confidential/tag segment=untagged",
      "clickstream kinesis-stream confidential/tag segment=untagged",
      "order-events msk-cluster confidential/tag segment=untagged",
      "order-search opensearch-domain confidential/tag segment=untagged",
      "orders-db rds-instance confidential/tag segment=untagged",
      "customer-exports s3-bucket restricted/tag segment=untagged",
      "trail-logs s3-bucket internal/tag segment=untagged",
      "payment-api-token secret restricted/tag segment=untagged",
      "payment-alerts sns-topic restricted/tag segment=untagged",
      "payment-requests sqs-queue restricted/tag segment=untagged",
    ],
    known: [],
    preview: [],
    previewGaps: [],
  },
  "segments-compliant": {
    stores: [
      "tenant-a-db rds-instance restricted/tag segment=tenant-a",
      "tenant-b-db rds-instance restricted/tag segment=tenant-b",
      "tenant-a-documents s3-bucket restricted/tag segment=tenant-a",
      "tenant-b-documents s3-bucket restricted/tag segment=tenant-b",
    ],
    known: [
      "tenant-a-documents read role:tenant-a-app allowed",
      "tenant-a-documents write role:tenant-a-app allowed",
      "tenant-b-documents read role:tenant-b-app allowed",
      "tenant-b-documents write role:tenant-b-app allowed",
    ],
    preview: [
      "tenant-a-documents read role:tenant-a-app unknown",
      "tenant-a-documents write role:tenant-a-app unknown",
      "tenant-b-documents read role:tenant-b-app unknown",
      "tenant-b-documents write role:tenant-b-app unknown",
    ],
    previewGaps: [
      "tenant-a-app",
      "tenant-b-app",
    ],
  },
  "segments-violations": {
    stores: [
      "tenant-a-db rds-instance restricted/tag segment=tenant-a",
      "tenant-b-db rds-instance restricted/tag segment=tenant-b",
      "tenant-a-documents s3-bucket restricted/tag segment=tenant-a",
      "tenant-b-documents s3-bucket restricted/tag segment=tenant-b",
    ],
    known: [
      "tenant-a-documents read role:reporting allowed",
      "tenant-a-documents read role:tenant-a-app allowed",
      "tenant-a-documents write role:tenant-a-app allowed",
      "tenant-b-documents read role:reporting allowed",
      "tenant-b-documents read role:tenant-b-app allowed",
      "tenant-b-documents write role:tenant-b-app allowed",
    ],
    preview: [
      "tenant-a-documents read role:reporting unknown",
      "tenant-a-documents read role:tenant-a-app unknown",
      "tenant-a-documents write role:tenant-a-app unknown",
      "tenant-b-documents read role:reporting unknown",
      "tenant-b-documents read role:tenant-b-app unknown",
      "tenant-b-documents write role:tenant-b-app unknown",
    ],
    previewGaps: [
      "reporting",
      "tenant-a-app",
      "tenant-b-app",
    ],
  },
  "scheduled-scan": {
    stores: [
      "scan-flow-logs log-group confidential/tag segment=untagged",
      "scan-tasks log-group confidential/tag segment=untagged",
      "state-machine log-group confidential/tag segment=untagged",
      "reports s3-bucket confidential/tag segment=untagged",
      "reports-access-logs s3-bucket internal/tag segment=untagged",
      "findings sns-topic confidential/tag segment=untagged",
    ],
    known: [
      "reports read role:merge-task allowed",
      "reports write role:merge-task allowed",
      "reports write role:scan-task allowed",
      "reports read role:state-machine allowed",
      "reports write role:state-machine allowed",
      "reports-access-logs write service:logging.s3.amazonaws.com conditional",
      "findings write role:state-machine allowed",
    ],
    preview: [
      "scan-flow-logs read role:scan-flow-logs unknown",
      "scan-flow-logs write role:scan-flow-logs unknown",
      "scan-flow-logs manage role:scan-flow-logs unknown",
      "scan-tasks read role:task-execution unknown",
      "scan-tasks write role:task-execution unknown",
      "scan-tasks manage role:task-execution unknown",
      "reports read role:merge-task unknown",
      "reports write role:merge-task unknown",
      "reports manage role:merge-task unknown",
      "reports read role:scan-task unknown",
      "reports write role:scan-task unknown",
      "reports manage role:scan-task unknown",
      "reports read role:state-machine unknown",
      "reports write role:state-machine unknown",
      "reports manage role:state-machine unknown",
      "findings read role:state-machine unknown",
      "findings write role:state-machine unknown",
      "findings manage role:state-machine unknown",
    ],
    previewGaps: [
      "findings",
      "merge-task",
      "reports",
      "reports-access-logs",
      "scan-flow-logs",
      "scan-task",
      "schedule",
      "state-machine",
      "task-execution",
    ],
  },
};

describe("the data inventory of every example program", () => {
  it("covers every example", () => {
    expect([...docs.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(Object.keys(EXPECTED))("%s", (dir) => {
    const expected = EXPECTED[dir]!;
    it("lists every store with its classification and segment, in both shapes", () => {
      expect(summary(docs.get(dir)!.known).stores).toEqual(expected.stores);
      expect(summary(docs.get(dir)!.preview).stores).toEqual(expected.stores);
    });

    it("a deployed stack: the access map matches the hand-checked expectation, with nothing unknown", () => {
      const s = summary(docs.get(dir)!.known);
      expect(s.access).toEqual(expected.known);
      expect(s.gaps).toEqual([]);
    });

    it("a new stack's preview: what is not known yet is unknown and shown as a gap, never judged", () => {
      const doc = docs.get(dir)!.preview;
      expect(summary(doc).access).toEqual(expected.preview);
      expect([...new Set(doc.gaps.map((g) => short(g.subject)))].sort()).toEqual(expected.previewGaps);
      for (const e of doc.access) if (e.status === "unknown") expect(e.reason, `${short(e.store)} ${e.level}`).toMatch(/not known|computed/);
    });
  });
});
