import { describe, expect, it } from "vitest";
import type { DataStore } from "../../../src/models/data-store";
import type { StoreHygiene } from "../../../src/models/hygiene";
import { cachesSearchAndStreamsEncryptInTransit as rule } from "../../../src/rules/hygiene/caches-search-and-streams-encrypt-in-transit";
import { isCurrentTlsPolicy, oldestAcceptedTls } from "../../../src/rules/hygiene/transit-tls-policy-facts";
import { run, statuses } from "../../helpers/models";
import { DENIED, hygiene, PREVIEW, setting, storeOf, variantOf } from "./transit-audit-fixtures";

const CLIENT_TLS = { transitRequired: setting(true, "transitEncryptionMode=required") };
const SEARCH: StoreHygiene = {
  transitRequired: setting(true, "enforceHttps=true"),
  transitMinimumTls: setting<string | undefined>("Policy-Min-TLS-1-2-PFS-2023-10", "tlsSecurityPolicy=Policy-Min-TLS-1-2-PFS-2023-10"),
  transitBetweenNodes: setting(true, "nodeToNodeEncryption.enabled=true"),
};
const STREAM: StoreHygiene = {
  transitRequired: setting(true, "clientBroker=TLS"),
  transitBetweenNodes: setting(true, "inCluster=true"),
};

const judge = (s: DataStore, h: StoreHygiene | undefined, options: Record<string, unknown> = {}) =>
  run(rule, { stores: [s], hygiene: hygiene("stack", h === undefined ? {} : { [s.ref.id]: h }) }, options);

type Case = [string, string, StoreHygiene | undefined, string];
const cases: Case[] = [
  ...(["elasticache-replication-group", "elasticache-serverless-cache", "memorydb-cluster"] as const).flatMap((kind): Case[] => [
    [`compliant: ${kind} requires TLS`, kind, CLIENT_TLS, "pass"],
    [`violation: ${kind} with transit encryption preferred, not required`, kind, { transitRequired: setting(false, "transitEncryptionMode=preferred") }, "fail"],
    [`unknown: ${kind} transit setting computed in preview`, kind, { transitRequired: setting<boolean>(PREVIEW, "transitEncryptionEnabled computed") }, "unknown"],
    [`unknown: ${kind} settings not part of this view`, kind, undefined, "unknown"],
  ]),
  ["compliant: OpenSearch with HTTPS enforced, TLS 1.2 policy and node-to-node encryption", "opensearch-domain", SEARCH, "pass"],
  ["compliant: OpenSearch with Policy-Min-TLS-1-2-2019-07", "opensearch-domain", { ...SEARCH, transitMinimumTls: setting<string | undefined>("Policy-Min-TLS-1-2-2019-07", "tlsSecurityPolicy=Policy-Min-TLS-1-2-2019-07") }, "pass"],
  ["violation: OpenSearch without enforceHttps", "opensearch-domain", { ...SEARCH, transitRequired: setting(false, "enforceHttps=false") }, "fail"],
  ["violation: OpenSearch accepting TLS 1.0", "opensearch-domain", { ...SEARCH, transitMinimumTls: setting<string | undefined>("Policy-Min-TLS-1-0-2019-07", "tlsSecurityPolicy=Policy-Min-TLS-1-0-2019-07") }, "fail"],
  ["violation: OpenSearch on a TLS 1.0 default policy", "opensearch-domain", { ...SEARCH, transitMinimumTls: setting<string | undefined>("Policy-Min-TLS-1-0-2019-07", "tlsSecurityPolicy not set (AWS default Policy-Min-TLS-1-0-2019-07)") }, "fail"],
  ["unknown: OpenSearch whose TLS policy was not reported", "opensearch-domain", { ...SEARCH, transitMinimumTls: setting<string | undefined>(undefined, "TLSSecurityPolicy not reported") }, "unknown"],
  ["violation: OpenSearch without node-to-node encryption", "opensearch-domain", { ...SEARCH, transitBetweenNodes: setting(false, "nodeToNodeEncryption.enabled=false") }, "fail"],
  ["unknown: OpenSearch TLS policy computed in preview", "opensearch-domain", { ...SEARCH, transitMinimumTls: setting<string | undefined>(PREVIEW, "tlsSecurityPolicy computed") }, "unknown"],
  ["unknown: OpenSearch TLS policy with an unrecognized name", "opensearch-domain", { ...SEARCH, transitMinimumTls: setting<string | undefined>("Policy-Custom", "tlsSecurityPolicy=Policy-Custom") }, "unknown"],
  ["unknown: OpenSearch node-to-node setting not part of this view", "opensearch-domain", { transitRequired: SEARCH.transitRequired, transitMinimumTls: SEARCH.transitMinimumTls }, "unknown"],
  ["compliant: MSK with TLS to clients and between brokers", "msk-cluster", STREAM, "pass"],
  ["violation: MSK accepting plaintext clients", "msk-cluster", { ...STREAM, transitRequired: setting(false, "clientBroker=TLS_PLAINTEXT") }, "fail"],
  ["violation: MSK without in-cluster encryption", "msk-cluster", { ...STREAM, transitBetweenNodes: setting(false, "inCluster=false") }, "fail"],
  ["unknown: MSK in-cluster setting denied to the scanner", "msk-cluster", { ...STREAM, transitBetweenNodes: setting<boolean>(DENIED, "kafka:DescribeClusterV2 denied") }, "unknown"],
];

describe("CDG-HYG-002 caches-search-and-streams-encrypt-in-transit", () => {
  it.each(cases)("%s", (_name, kind, h, expected) => {
    expect(statuses(judge(storeOf(kind, "cache"), h))).toEqual([expected]);
  });

  it("names every failing setting with what is required", () => {
    const [o] = judge(storeOf("opensearch-domain", "search"), {
      ...SEARCH,
      transitRequired: setting(false, "enforceHttps=false"),
      transitBetweenNodes: setting(false, "nodeToNodeEncryption.enabled=false"),
    });
    expect(o?.message).toBe(
      "OpenSearch domain 'search' does not encrypt all traffic in transit: enforceHttps=false (required: TLS required for client connections); " +
        "nodeToNodeEncryption.enabled=false (required: node-to-node (in-cluster) encryption on)",
    );
  });

  it("fails on a known violation even when another setting is unknown", () => {
    const h = { ...STREAM, transitRequired: setting(false, "clientBroker=PLAINTEXT"), transitBetweenNodes: setting<boolean>(PREVIEW, "inCluster computed") };
    expect(statuses(judge(storeOf("msk-cluster", "stream"), h))).toEqual(["fail"]);
  });

  describe("classification strictness: restricted has its own TLS floor", () => {
    const tls12 = SEARCH;
    it.each<[string, string | null, Record<string, unknown>, string]>([
      ["compliant: confidential at the default floor 1.2", "confidential", {}, "pass"],
      ["compliant: restricted at the default floor 1.2 (the same)", "restricted", {}, "pass"],
      ["violation: restricted when restrictedMinimumTls is 1.3", "restricted", { restrictedMinimumTls: "1.3" }, "fail"],
      ["compliant: confidential keeps its floor when only restricted is raised", "confidential", { restrictedMinimumTls: "1.3" }, "pass"],
      ["violation: confidential when minimumTls is 1.3", "confidential", { minimumTls: "1.3" }, "fail"],
      ["compliant: public data is not judged", "public", {}, "not-applicable"],
    ])("%s", (_name, level, options, expected) => {
      expect(statuses(judge(storeOf("opensearch-domain", "search", level), tls12, options))).toEqual([expected]);
    });
  });

  it("does not judge databases or buckets", () => {
    expect(judge(storeOf("rds-instance", "db"), CLIENT_TLS)).toEqual([]);
  });

  it("judges a standalone cache cluster, and a member cluster only through its replication group", () => {
    const standalone = variantOf(storeOf("elasticache-replication-group", "memcached"), "elasticache-cache-cluster", "ElastiCache cluster");
    expect(statuses(judge(standalone, { transitRequired: setting(false, "transitEncryptionEnabled not set (default false)") }))).toEqual(["fail"]);
    const member = { ...standalone, copyOf: { relation: "replica" as const, source: "orders-group", sourceProperty: "replicationGroupId" } };
    expect(judge(member, undefined)).toEqual([]);
  });
});

describe("TLS policy names", () => {
  it.each<[string, number | undefined]>([
    ["ELBSecurityPolicy-TLS13-1-2-2021-06", 2],
    ["ELBSecurityPolicy-TLS13-1-3-2021-06", 3],
    ["ELBSecurityPolicy-TLS13-1-0-2021-06", 0],
    ["ELBSecurityPolicy-TLS-1-2-Ext-2018-06", 2],
    ["ELBSecurityPolicy-TLS-1-1-2017-01", 1],
    ["ELBSecurityPolicy-FS-1-2-Res-2020-10", 2],
    ["ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04", 2],
    ["ELBSecurityPolicy-2016-08", 0],
    ["ELBSecurityPolicy-FS-2018-06", 0],
    ["TLSv1.2_2021", 2],
    ["TLSv1.1_2016", 1],
    ["TLSv1_2016", 0],
    ["TLSv1", 0],
    ["SSLv3", -1],
    ["Policy-Min-TLS-1-2-PFS-2023-10", 2],
    ["Policy-Min-TLS-1-0-2019-07", 0],
    ["TLS_1_2", 2],
    ["TLSv1.3", 3],
    ["1.2", 2],
    ["my-custom-policy", undefined],
  ])("%s accepts TLS 1.%s and newer", (name, oldest) => {
    expect(oldestAcceptedTls(name)).toBe(oldest);
  });

  it("is current only from the floor up, and unknown for names it does not recognize", () => {
    expect(isCurrentTlsPolicy("TLSv1.2_2021")).toBe(true);
    expect(isCurrentTlsPolicy("TLSv1.2_2021", "1.3")).toBe(false);
    expect(isCurrentTlsPolicy("ELBSecurityPolicy-2016-08")).toBe(false);
    expect(isCurrentTlsPolicy("custom")).toMatchObject({ reason: "error" });
  });
});
