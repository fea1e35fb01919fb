import * as http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adaptElastiCache } from "../../../src/adapters/aws/elasticache";
import { adaptMsk } from "../../../src/adapters/aws/kafka";
import { adaptRedshiftServerless } from "../../../src/adapters/aws/redshift-serverless";
import { elasticacheFetcher } from "../../../src/fetchers/aws/elasticache";
import { mskFetcher } from "../../../src/fetchers/aws/kafka";
import { redshiftServerlessFetcher } from "../../../src/fetchers/aws/redshift-serverless";
import { adaptContext as contextWithKeys } from "../../adapters/aws/fixtures";
import { MOTO_ACCOUNT, scanContext } from "../../support/aws-context";

// moto has no Redshift Serverless nor ElastiCache DescribeServerlessCaches, and its MSK ListClustersV2 answer
// is not readable by the SDK (CreationTime is not RFC 3339): these fetchers run against recorded wire answers
// instead, served page by page.

const REGION = "us-east-1";
const CMK = `arn:aws:kms:${REGION}:${MOTO_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const NS = (id: string) => `arn:aws:redshift-serverless:${REGION}:${MOTO_ACCOUNT}:namespace/${id}`;
const MSK = (name: string) => `arn:aws:kafka:${REGION}:${MOTO_ACCOUNT}:cluster/${name}/0f1e2d3c-1`;

interface Seen {
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

/** Answers Redshift Serverless (JSON 1.1, by X-Amz-Target) and MSK (REST JSON, by path) from recorded pages. */
function recordedAnswer(operation: string, input: Record<string, unknown>): { status: number; body: unknown } {
  switch (operation) {
    case "ListNamespaces":
      return input.nextToken === "page-2"
        ? { status: 200, body: { namespaces: [{ namespaceName: "plain", namespaceArn: NS("2"), namespaceId: "2", kmsKeyId: "AWS_OWNED_KMS_KEY" }] } }
        : { status: 200, body: { namespaces: [{ namespaceName: "analytics", namespaceArn: NS("1"), namespaceId: "1", kmsKeyId: CMK }], nextToken: "page-2" } };
    case "ListWorkgroups":
      return {
        status: 200,
        body: { workgroups: [{ workgroupName: "bi", namespaceName: "analytics", subnetIds: ["subnet-a"], securityGroupIds: ["sg-1"], publiclyAccessible: true }] },
      };
    case "ListTagsForResource":
      return input.resourceArn === NS("2")
        ? { status: 400, body: { __type: "com.amazonaws.redshiftserverless#AccessDeniedException", message: "not authorized" } }
        : { status: 200, body: { tags: [{ key: "data-classification", value: "restricted" }] } };
    case "ListClustersV2":
      return input.nextToken === "page-2"
        ? { status: 200, body: { clusterInfoList: [{ clusterArn: MSK("stream"), clusterName: "stream", clusterType: "SERVERLESS", serverless: { vpcConfigs: [{ subnetIds: ["subnet-b"], securityGroupIds: ["sg-2"] }] } }] } }
        : {
            status: 200,
            body: {
              clusterInfoList: [
                {
                  clusterArn: MSK("events"),
                  clusterName: "events",
                  clusterType: "PROVISIONED",
                  tags: { "data-classification": "restricted" },
                  provisioned: {
                    numberOfBrokerNodes: 2,
                    brokerNodeGroupInfo: { instanceType: "kafka.m5.large", clientSubnets: ["subnet-a"], securityGroups: ["sg-1"], connectivityInfo: { publicAccess: { type: "SERVICE_PROVIDED_EIPS" } } },
                    encryptionInfo: { encryptionAtRest: { dataVolumeKMSKeyId: CMK } },
                  },
                },
              ],
              nextToken: "page-2",
            },
          };
    default:
      return { status: 404, body: { message: `no recorded answer for ${operation}` } };
  }
}

const SERVERLESS_CACHE = `arn:aws:elasticache:${REGION}:${MOTO_ACCOUNT}:serverlesscache:sessions`;

/** ElastiCache's query protocol: a form-encoded `Action`, answered in XML. */
function recordedXml(action: string, input: Record<string, string>): string {
  const result = (inner: string) =>
    `<${action}Response xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/"><${action}Result>${inner}</${action}Result></${action}Response>`;
  switch (action) {
    case "DescribeServerlessCaches":
      return input.NextToken === "page-2"
        ? result(`<ServerlessCaches><member><ServerlessCacheName>plain</ServerlessCacheName><ARN>${SERVERLESS_CACHE}-2</ARN></member></ServerlessCaches>`)
        : result(
            `<ServerlessCaches><member><ServerlessCacheName>sessions</ServerlessCacheName><ARN>${SERVERLESS_CACHE}</ARN><KmsKeyId>${CMK}</KmsKeyId>` +
              `<SubnetIds><SubnetId>subnet-a</SubnetId></SubnetIds><SecurityGroupIds><SecurityGroupId>sg-1</SecurityGroupId></SecurityGroupIds></member></ServerlessCaches><NextToken>page-2</NextToken>`,
          );
    case "ListTagsForResource":
      return result(`<TagList><Tag><Key>data-classification</Key><Value>${input.ResourceName === SERVERLESS_CACHE ? "restricted" : "internal"}</Value></Tag></TagList>`);
    default:
      // Replication groups, cache clusters and subnet groups: none.
      return result("");
  }
}

function startRecorded(): Promise<{ endpoint: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (d: Buffer) => (text += d.toString()));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const target = req.headers["x-amz-target"];
      if (req.method === "POST" && target === undefined) {
        const form = Object.fromEntries(new URLSearchParams(text));
        seen.push({ operation: form.Action ?? "", input: form });
        res.writeHead(200, { "content-type": "text/xml" });
        res.end(recordedXml(form.Action ?? "", form));
        return;
      }
      const operation = typeof target === "string" ? (target.split(".")[1] ?? "") : url.pathname === "/api/v2/clusters" ? "ListClustersV2" : `${req.method} ${url.pathname}`;
      const input = typeof target === "string" ? (JSON.parse(text || "{}") as Record<string, unknown>) : Object.fromEntries(url.searchParams);
      seen.push({ operation, input });
      const answer = recordedAnswer(operation, input);
      res.writeHead(answer.status, { "content-type": typeof target === "string" ? "application/x-amz-json-1.1" : "application/json" });
      res.end(JSON.stringify(answer.body));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address() as { port: number };
      resolve({ endpoint: `http://127.0.0.1:${address.port}`, seen, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/** KMS describes the one customer key; any other key is AWS-managed. */
const adaptContext = contextWithKeys({ [CMK]: "customer-managed" }, { account: MOTO_ACCOUNT, otherwise: () => "aws-managed" });

let recorded: Awaited<ReturnType<typeof startRecorded>>;

beforeAll(async () => {
  recorded = await startRecorded();
});

afterAll(async () => {
  await recorded?.close();
});

describe("Redshift Serverless and MSK fetchers against recorded answers", () => {
  it("Redshift Serverless: every page of namespaces, their workgroups, and each namespace's tags by ARN", async () => {
    const { ctx } = scanContext(recorded.endpoint, REGION);
    const raw = await redshiftServerlessFetcher.fetch(ctx);
    const ops = recorded.seen.filter((s) => s.operation !== "ListClustersV2");
    expect(ops.filter((s) => s.operation === "ListNamespaces").map((s) => s.input.nextToken)).toEqual([undefined, "page-2"]);
    expect(ops.filter((s) => s.operation === "ListTagsForResource").map((s) => s.input.resourceArn).sort()).toEqual([NS("1"), NS("2")]);

    const c = adaptRedshiftServerless(raw, adaptContext);
    expect(c.gaps).toEqual([]);
    expect(c.stores?.map((s) => [s.ref.name, s.encryption])).toEqual([
      ["analytics", expect.objectContaining({ enabled: true, keyManager: "customer-managed", keyId: CMK })],
      ["plain", expect.objectContaining({ enabled: true, keyManager: "aws-owned" })],
    ]);
    expect(c.stores?.[0]?.tags).toEqual({ "data-classification": "restricted" });
    expect(c.stores?.[1]?.tags).toMatchObject({ reason: "access-denied", detail: expect.stringMatching(/redshift-serverless:ListTagsForResource/) });
    expect(c.placements).toEqual([[NS("1"), expect.objectContaining({ publiclyAccessible: true, subnets: ["subnet-a"], securityGroups: ["sg-1"] })]]);
  });

  it("MSK: every page of ListClustersV2, provisioned and serverless", async () => {
    const { ctx } = scanContext(recorded.endpoint, REGION);
    const c = adaptMsk(await mskFetcher.fetch(ctx), adaptContext);
    expect(recorded.seen.filter((s) => s.operation === "ListClustersV2").map((s) => s.input.nextToken)).toEqual([undefined, "page-2"]);
    expect(c.gaps).toBeUndefined();
    expect(c.stores?.map((s) => [s.ref.name, s.variant, s.tags])).toEqual([
      ["events", undefined, { "data-classification": "restricted" }],
      ["stream", "msk-serverless-cluster", {}],
    ]);
    expect(c.stores?.[0]?.encryption).toMatchObject({ keyManager: "customer-managed", keyId: CMK });
    expect(c.placements?.map(([, p]) => [p.publiclyAccessible, p.subnets, p.securityGroups])).toEqual([
      [true, ["subnet-a"], ["sg-1"]],
      [false, ["subnet-b"], ["sg-2"]],
    ]);
  });

  it("ElastiCache: every page of serverless caches, each tagged by ARN", async () => {
    const { ctx } = scanContext(recorded.endpoint, REGION);
    const c = adaptElastiCache(await elasticacheFetcher.fetch(ctx), adaptContext);
    expect(recorded.seen.filter((s) => s.operation === "DescribeServerlessCaches").map((s) => s.input.NextToken)).toEqual([undefined, "page-2"]);
    expect(c.gaps).toEqual([]);
    expect(c.stores?.map((s) => [s.ref.name, s.tags])).toEqual([
      ["sessions", { "data-classification": "restricted" }],
      ["plain", { "data-classification": "internal" }],
    ]);
    expect(c.stores?.[0]?.encryption).toMatchObject({ keyManager: "customer-managed", keyId: CMK });
    expect(c.stores?.[1]?.encryption).toMatchObject({ keyManager: "aws-owned" });
    expect(c.placements?.[0]?.[1]).toMatchObject({ publiclyAccessible: false, subnets: ["subnet-a"], securityGroups: ["sg-1"] });
  });
});
