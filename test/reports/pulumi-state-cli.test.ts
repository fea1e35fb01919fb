// `cdguard scan --format pulumi-state --out FILE` against moto: the command writes the state document
// (not the canonical report), and the Pulumi adapter reads the bucket back with its settings.
import { CreateBucketCommand, PutBucketTaggingCommand, S3Client } from "@aws-sdk/client-s3";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildInventory } from "../../src/adapters/pulumi/inventory";
import { scanCommand } from "../../src/cli/scan-command";
import { analyzerResourcesOf, type StateFile } from "../../src/engine-client/state-file";
import { seedConfig } from "../support/aws-context";
import { MOTO_ACCOUNT_ID, startMoto, type MotoServer } from "../support/moto/server";

const REGION = "us-east-1";
let moto: MotoServer;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  moto = await startMoto();
  const s3 = new S3Client(seedConfig(moto.endpoint, REGION));
  await s3.send(new CreateBucketCommand({ Bucket: "open-exports" }));
  await s3.send(new PutBucketTaggingCommand({ Bucket: "open-exports", Tagging: { TagSet: [{ Key: "data-classification", Value: "confidential" }] } }));
  dir = mkdtempSync(join(tmpdir(), "cdg-pulumi-state-cli-"));
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_REGION: REGION });
}, 120_000);

afterAll(async () => {
  process.env = saved;
  process.exitCode = undefined;
  await moto?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("writes the account as a v7 state document, atomically, in place of the canonical report", async () => {
  const out = join(dir, "state.json");
  const args = ["--endpoint-url", moto.endpoint, "--regions", REGION, "--rules", "CDG-NET-007", "--format", "pulumi-state", "--out", out, "--quiet"];
  await scanCommand().parseAsync(args, { from: "user" });
  expect(process.exitCode).toBe(1); // the bucket has no public access block: CDG-NET-007 fails
  expect(readdirSync(dir)).toEqual(["state.json"]);
  const state = JSON.parse(readFileSync(out, "utf8")) as StateFile;
  expect(state.version).toBe(3);
  // moto's default VPC comes along; the S3 part is the bucket and its split settings.
  const urns = state.deployment.resources.map((r) => r.urn);
  expect(urns.slice(0, 2)).toEqual([
    `urn:pulumi:${MOTO_ACCOUNT_ID}::cdguard-scan::pulumi:pulumi:Stack::cdguard-scan-${MOTO_ACCOUNT_ID}`,
    `urn:pulumi:${MOTO_ACCOUNT_ID}::cdguard-scan::pulumi:providers:aws::default`,
  ]);
  expect(urns.filter((u) => u.includes("::aws:s3/"))).toEqual([
    `urn:pulumi:${MOTO_ACCOUNT_ID}::cdguard-scan::aws:s3/bucket:Bucket::open-exports`,
    `urn:pulumi:${MOTO_ACCOUNT_ID}::cdguard-scan::aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration::open-exports`,
    `urn:pulumi:${MOTO_ACCOUNT_ID}::cdguard-scan::aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::open-exports`,
  ]);
  const inventory = buildInventory(
    analyzerResourcesOf(state, "analyzeStack").map((r) => ({ urn: r.urn, type: r.type, name: r.name, props: r.properties, propertyDependencies: r.propertyDependencies })),
  );
  const bucket = inventory.stores[0];
  expect(bucket).toMatchObject({ kind: "s3-bucket", physicalName: "open-exports", tags: { "data-classification": "confidential" }, encryption: { enabled: true, keyManager: "aws-owned" } });
  expect(inventory.exposures?.get(bucket?.ref.id ?? "")?.s3?.bucketBlock).toMatchObject({ blockPublicAcls: false, restrictPublicBuckets: false });
  expect(existsSync(join(dir, ".state.json.tmp"))).toBe(false);
}, 120_000);
