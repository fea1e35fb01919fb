import type { Namespace, Workgroup } from "@aws-sdk/client-redshift-serverless";
import { describe, expect, it } from "vitest";
import { adaptRedshiftServerless } from "../../../src/adapters/aws/redshift-serverless";
import type { RedshiftNamespaceAnswer, RedshiftServerlessAnswers } from "../../../src/fetchers/aws/redshift-serverless";
import { effectivePublicAccess } from "../../../src/network/merge-placements";
import { dataStoreNotPubliclyAccessible } from "../../../src/rules/network/data-store-not-publicly-accessible";
import { engineResource } from "../../helpers/engine";
import { run, statuses } from "../../helpers/models";
import { expectUnknown, inventoryOf, placementOf, storeNamed } from "./contributions";
import { ACCOUNT, adaptContext, CMK_ARN, failed, ok, REGION, TAGS } from "./fixtures";
import { comparablePlacement, expectParity, pulumi, pulumiPlacement } from "./parity";

const NS_ARN = `arn:aws:redshift-serverless:${REGION}:${ACCOUNT}:namespace/0f1e2d3c-aaaa-bbbb-cccc-000000000001`;
const TAG_LIST = Object.entries(TAGS).map(([key, value]) => ({ key, value }));

const namespace = (over: Partial<Namespace> = {}): RedshiftNamespaceAnswer => ({
  namespace: { namespaceName: "analytics", namespaceArn: NS_ARN, namespaceId: "0f1e2d3c-aaaa-bbbb-cccc-000000000001", kmsKeyId: "AWS_OWNED_KMS_KEY", ...over },
  tags: ok(TAG_LIST),
});

const workgroup = (name: string, over: Partial<Workgroup> = {}): Workgroup => ({
  workgroupName: name,
  namespaceName: "analytics",
  subnetIds: ["subnet-a", "subnet-b"],
  securityGroupIds: ["sg-1"],
  publiclyAccessible: false,
  ...over,
});

const answer = (over: Partial<RedshiftServerlessAnswers> = {}): RedshiftServerlessAnswers => ({
  region: REGION,
  namespaces: ok([namespace()]),
  workgroups: ok([workgroup("bi")]),
  ...over,
});
const adapt = (over: Partial<RedshiftServerlessAnswers> = {}) => adaptRedshiftServerless(answer(over), adaptContext());

describe("Redshift Serverless adapter (recorded responses)", () => {
  it("a namespace with Redshift's own key, placed by its workgroup", () => {
    const c = adapt();
    const s = storeNamed(c, "analytics");
    expect(s).toMatchObject({
      kind: "redshift-serverless-namespace",
      physicalName: "analytics",
      ref: { id: NS_ARN, type: "AWS::RedshiftServerless::Namespace", label: "Redshift Serverless namespace", account: ACCOUNT, region: REGION },
      tags: TAGS,
      encryption: { enabled: true, keyManager: "aws-owned" },
    });
    expect(placementOf(c, NS_ARN)).toMatchObject({ publiclyAccessible: false, publicWhenUnset: false, subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1"], inVpc: true });
  });

  it("a namespace with a customer-managed key", () => {
    expect(storeNamed(adapt({ namespaces: ok([namespace({ kmsKeyId: CMK_ARN })]) }), "analytics").encryption).toMatchObject({
      enabled: true,
      keyManager: "customer-managed",
      keyId: CMK_ARN,
      keyRef: CMK_ARN,
    });
  });

  it("any public workgroup makes the namespace public; others' subnets and groups are united", () => {
    const c = adapt({ workgroups: ok([workgroup("bi"), workgroup("adhoc", { publiclyAccessible: true, subnetIds: ["subnet-c"], securityGroupIds: ["sg-2"] }), workgroup("other", { namespaceName: "x" })]) });
    const p = placementOf(c, NS_ARN);
    expect(effectivePublicAccess(p)).toBe(true);
    expect(p.subnets).toEqual(["subnet-a", "subnet-b", "subnet-c"]);
    expect(p.securityGroups).toEqual(["sg-1", "sg-2"]);
    expect(statuses(run(dataStoreNotPubliclyAccessible, inventoryOf(c)))).toEqual(["fail"]);
  });

  it("a namespace without workgroups has no placement, as in the Pulumi front", () => {
    expect(adapt({ workgroups: ok([]) }).placements).toEqual([]);
  });

  it("workgroups not listed: the placement is Unknown with the reason, and a gap", () => {
    const c = adapt({ workgroups: failed("redshift-serverless", "redshift-serverless:ListWorkgroups") });
    const p = placementOf(c, NS_ARN);
    expectUnknown(p.publiclyAccessible, "access-denied", /ListWorkgroups/);
    expectUnknown(p.subnets, "access-denied");
    expect(statuses(run(dataStoreNotPubliclyAccessible, inventoryOf(c)))).toEqual(["unknown"]);
    expect(c.gaps).toEqual([expect.objectContaining({ what: "Redshift Serverless workgroups", service: "redshift-serverless" })]);
  });

  it("tags not read: Unknown with the reason; namespaces not listed: a gap", () => {
    const c = adapt({ namespaces: ok([{ ...namespace(), tags: failed("redshift-serverless", "redshift-serverless:ListTagsForResource") }]) });
    expectUnknown(storeNamed(c, "analytics").tags, "access-denied", /ListTagsForResource/);
    const none = adapt({ namespaces: failed("redshift-serverless", "redshift-serverless:ListNamespaces", "error") });
    expect(none.stores).toEqual([]);
    expect(none.gaps).toEqual([expect.objectContaining({ what: "Redshift Serverless namespaces", reason: "error" })]);
  });
});

describe("Redshift Serverless parity with the Pulumi front", () => {
  const wg = (name: string, props: Record<string, unknown> = {}) =>
    engineResource("aws:redshiftserverless/workgroup:Workgroup", name, { workgroupName: name, namespaceName: "analytics", subnetIds: ["subnet-a", "subnet-b"], securityGroupIds: ["sg-1"], publiclyAccessible: false, ...props });

  it.each<[string, Record<string, unknown>, Partial<Namespace>]>([
    ["a customer-managed key", { kmsKeyId: CMK_ARN }, { kmsKeyId: CMK_ARN }],
    ["defaults: AWS-owned key", {}, { kmsKeyId: "AWS_OWNED_KMS_KEY" }],
  ])("namespace with %s and one workgroup", (_name, props, over) => {
    const fromPulumi = pulumi(engineResource("aws:redshiftserverless/namespace:Namespace", "analytics", { namespaceName: "analytics", tags: TAGS, ...props }), wg("bi"));
    const fromAws = adapt({ namespaces: ok([namespace(over)]) });
    expectParity(storeNamed(fromAws, "analytics"), fromPulumi.stores[0]);
    expect(comparablePlacement(placementOf(fromAws, NS_ARN), undefined)).toEqual(comparablePlacement(pulumiPlacement(fromPulumi), undefined));
  });

  it("two workgroups, one public", () => {
    const fromPulumi = pulumi(
      engineResource("aws:redshiftserverless/namespace:Namespace", "analytics", { namespaceName: "analytics", tags: TAGS }),
      wg("bi"),
      wg("adhoc", { publiclyAccessible: true, subnetIds: ["subnet-c"], securityGroupIds: ["sg-2"] }),
    );
    const fromAws = adapt({ workgroups: ok([workgroup("bi"), workgroup("adhoc", { publiclyAccessible: true, subnetIds: ["subnet-c"], securityGroupIds: ["sg-2"] })]) });
    expect(comparablePlacement(placementOf(fromAws, NS_ARN), undefined)).toEqual(comparablePlacement(pulumiPlacement(fromPulumi), undefined));
  });
});
