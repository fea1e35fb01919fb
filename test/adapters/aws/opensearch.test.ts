import type { DomainStatus } from "@aws-sdk/client-opensearch";
import { describe, expect, it } from "vitest";
import { adaptOpenSearch } from "../../../src/adapters/aws/opensearch";
import type { OpenSearchDomainAnswer } from "../../../src/fetchers/aws/opensearch";
import type { DataStore } from "../../../src/models/data-store";
import { dataStoreInPrivateSubnets } from "../../../src/rules/network/data-store-in-private-subnets";
import { dataStoreNotPubliclyAccessible } from "../../../src/rules/network/data-store-not-publicly-accessible";
import { resourcePoliciesNotPublic } from "../../../src/rules/network/resource-policies-not-public";
import { engineResource } from "../../helpers/engine";
import { run, statuses } from "../../helpers/models";
import { expectUnknown, inventoryOf, placementOf, storeNamed } from "./contributions";
import { ACCOUNT, adaptContext, AWS_MANAGED_KEY_ARN, CMK_ARN, failed, ok, REGION, TAG_LIST, TAGS } from "./fixtures";
import { comparablePlacement, expectParity, pulumi, pulumiPlacement, without } from "./parity";

const arn = (name: string) => `arn:aws:es:${REGION}:${ACCOUNT}:domain/${name}`;
const PUBLIC_POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "es:*", Resource: `${arn("search")}/*` }] });
const ACCOUNT_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "es:ESHttpGet", Resource: `${arn("search")}/*` }],
});

const status = (name: string, over: Partial<DomainStatus> = {}): DomainStatus => ({
  DomainId: `${ACCOUNT}/${name}`,
  DomainName: name,
  ARN: arn(name),
  EngineVersion: "OpenSearch_2.11",
  ClusterConfig: {},
  EncryptionAtRestOptions: { Enabled: true, KmsKeyId: CMK_ARN },
  VPCOptions: { VPCId: "vpc-1", SubnetIds: ["subnet-a", "subnet-b"], SecurityGroupIds: ["sg-1"] },
  AccessPolicies: ACCOUNT_POLICY,
  ...over,
});

const domain = (name: string, over: Partial<DomainStatus> = {}): OpenSearchDomainAnswer => ({ name, status: ok(status(name, over)), tags: ok(TAG_LIST) });
const adapt = (...domains: OpenSearchDomainAnswer[]) => adaptOpenSearch({ region: REGION, domains: ok(domains) }, adaptContext());

describe("OpenSearch adapter (recorded responses)", () => {
  it("a domain in a VPC, encrypted with a customer-managed key, with an access policy", () => {
    const c = adapt(domain("search"));
    const s = storeNamed(c, "search");
    expect(s).toMatchObject({
      kind: "opensearch-domain",
      physicalName: "search",
      ref: { id: arn("search"), type: "AWS::OpenSearchService::Domain", label: "OpenSearch domain", account: ACCOUNT, region: REGION },
      tags: TAGS,
      encryption: { enabled: true, keyManager: "customer-managed", keyId: CMK_ARN, keyRef: CMK_ARN },
    });
    expect(s.variant).toBeUndefined();
    expect(placementOf(c, s.ref.id)).toMatchObject({ publiclyAccessible: false, subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1"], inVpc: true });
    expect(c.resourcePolicies).toEqual([
      { ref: s.ref, target: s.ref.id, service: "opensearch", document: ACCOUNT_POLICY, origin: "the access policy of OpenSearch domain 'search'", accountId: ACCOUNT },
    ]);
    expect(statuses(run(resourcePoliciesNotPublic, inventoryOf(c)))).toEqual(["pass"]);
  });

  it.each<[string, Partial<DomainStatus>, Partial<DataStore["encryption"]>]>([
    ["the aws/es key", { EncryptionAtRestOptions: { Enabled: true, KmsKeyId: AWS_MANAGED_KEY_ARN } }, { enabled: true, keyManager: "aws-managed" }],
    ["on without a key", { EncryptionAtRestOptions: { Enabled: true } }, { enabled: true, keyManager: "aws-managed" }],
    ["off", { EncryptionAtRestOptions: { Enabled: false } }, { enabled: false, keyManager: undefined }],
    ["not reported", { EncryptionAtRestOptions: undefined }, { enabled: false }],
  ])("encryption at rest: %s", (_name, over, expected) => {
    expect(storeNamed(adapt(domain("search", over)), "search").encryption).toMatchObject(expected);
  });

  it("a domain without VPC options has a public endpoint, and a public policy fails", () => {
    const c = adapt(domain("search", { VPCOptions: undefined, AccessPolicies: PUBLIC_POLICY }));
    const inv = inventoryOf(c);
    expect(placementOf(c, arn("search"))).toEqual({ publiclyAccessible: true, subnets: [], securityGroups: [], inVpc: false, observed: "no VPCOptions: public endpoint" });
    expect(statuses(run(dataStoreNotPubliclyAccessible, inv))).toEqual(["fail"]);
    expect(statuses(run(dataStoreInPrivateSubnets, inv))).toEqual(["fail"]);
    expect(statuses(run(resourcePoliciesNotPublic, inv))).toEqual(["fail"]);
  });

  it("an Elasticsearch engine is named as such; an empty access policy is none", () => {
    const c = adapt(domain("legacy", { EngineVersion: "Elasticsearch_7.10", AccessPolicies: "" }));
    expect(storeNamed(c, "legacy")).toMatchObject({ variant: "elasticsearch-domain", ref: { label: "Elasticsearch domain" } });
    expect(c.resourcePolicies).toEqual([]);
  });

  it("a domain whose DescribeDomains batch failed: encryption, placement and policy Unknown with the reason", () => {
    const failedDomain: OpenSearchDomainAnswer = { name: "search", status: failed("es", "es:DescribeDomains", "throttled"), tags: ok(TAG_LIST) };
    const c = adapt(failedDomain);
    const s = storeNamed(c, "search");
    expect(s.ref.id).toBe(arn("search"));
    expectUnknown(s.encryption, "throttled", /es:DescribeDomains/);
    expectUnknown(placementOf(c, s.ref.id).inVpc, "throttled");
    expectUnknown(c.resourcePolicies?.[0]?.document, "throttled");
    expect(statuses(run(resourcePoliciesNotPublic, inventoryOf(c)))).toEqual(["unknown"]);
  });

  it("tags not read: Unknown; domains not listed: a gap", () => {
    const c = adapt({ ...domain("search"), tags: failed("es", "es:ListTags") });
    expectUnknown(storeNamed(c, "search").tags, "access-denied", /es:ListTags/);
    const none = adaptOpenSearch({ region: REGION, domains: failed("es", "es:ListDomainNames") }, adaptContext());
    expect(none.stores).toBeUndefined();
    expect(none.gaps).toEqual([expect.objectContaining({ service: "es", what: "OpenSearch domains", action: "es:ListDomainNames", reason: "access-denied" })]);
  });
});

describe("OpenSearch parity with the Pulumi front", () => {
  const props = (over: Record<string, unknown>) => ({
    domainName: "search",
    arn: arn("search"),
    engineVersion: "OpenSearch_2.11",
    vpcOptions: { subnetIds: ["subnet-a", "subnet-b"], securityGroupIds: ["sg-1"] },
    accessPolicies: ACCOUNT_POLICY,
    tags: TAGS,
    ...over,
  });

  it.each<[string, Record<string, unknown>, Partial<DomainStatus>]>([
    ["a customer-managed key, in a VPC", { encryptAtRest: { enabled: true, kmsKeyId: CMK_ARN } }, {}],
    ["defaults: not encrypted, public endpoint", { encryptAtRest: { enabled: false }, vpcOptions: undefined }, { EncryptionAtRestOptions: { Enabled: false }, VPCOptions: undefined }],
  ])("domain with %s", (_name, over, aws) => {
    const fromPulumi = pulumi(engineResource("aws:opensearch/domain:Domain", "search", props(over)));
    const fromAws = adapt(domain("search", aws));
    const store = storeNamed(fromAws, "search");
    expectParity(store, fromPulumi.stores[0]);
    expect(comparablePlacement(placementOf(fromAws, store.ref.id), undefined)).toEqual(comparablePlacement(pulumiPlacement(fromPulumi), undefined));
    // The policy governs each front's own model of the domain; where it is declared is spelled per front.
    const [awsPolicy] = fromAws.resourcePolicies ?? [];
    const [pulumiPolicy] = fromPulumi.resourcePolicies ?? [];
    expect(awsPolicy?.target).toBe(store.ref.id);
    expect(pulumiPolicy?.target).toBe(fromPulumi.stores[0]?.ref.id);
    expectParity(without(awsPolicy, ["target", "origin"]), without(pulumiPolicy, ["target", "origin"]));
  });

  it("encrypted with the aws/es key: the scan also names the key", () => {
    const fromPulumi = pulumi(engineResource("aws:opensearch/domain:Domain", "search", props({ encryptAtRest: { enabled: true } })));
    const store = storeNamed(adapt(domain("search", { EncryptionAtRestOptions: { Enabled: true, KmsKeyId: AWS_MANAGED_KEY_ARN } })), "search");
    expectParity(without(store, ["keyId"]), fromPulumi.stores[0]);
  });
});
