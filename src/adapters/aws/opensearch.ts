import type { DomainStatus } from "@aws-sdk/client-opensearch";
import { unknown, type Val } from "../../core/value";
import { encryptedWith, notEncrypted } from "../../encryption/at-rest";
import type { OpenSearchAnswers, OpenSearchDomainAnswer } from "../../fetchers/aws/opensearch";
import type { DataStore, EncryptionAtRest, StoreVariant } from "../../models/data-store";
import { VPC_DEFAULT_SECURITY_GROUP, type NetworkRef } from "../../models/network";
import type { Placement } from "../../models/placement";
import { STORE_KIND_FACTS, storeLabel } from "../../models/store-kind-facts";
import { domainHygiene } from "./analytics-hygiene";
import type { AdaptContext } from "./context";
import type { InventoryContribution } from "./contribution";
import { gapOf, readFetched, tagsOfList, unknownOf } from "./fetched";
import { inlinePolicy, storesAndPolicies, type StoreWithPolicy } from "./inline-policy";
import { keyedEncryption } from "./keyed-encryption";
import { arnOf, awsRef } from "./refs";

const KIND = "opensearch-domain";

/** `EncryptionAtRestOptions.Enabled` with `KmsKeyId`; on without a key: the AWS-managed aws/es key. */
export function domainEncryption(d: DomainStatus, ctx: AdaptContext, region: string): EncryptionAtRest {
  const options = d.EncryptionAtRestOptions;
  if (options?.Enabled !== true) {
    return notEncrypted(options === undefined ? "EncryptionAtRestOptions not reported (default not encrypted)" : "EncryptionAtRestOptions.Enabled=false");
  }
  if (options.KmsKeyId) return keyedEncryption(ctx, options.KmsKeyId, region, "EncryptionAtRestOptions.KmsKeyId");
  return encryptedWith(STORE_KIND_FACTS[KIND].encryption.keyless, "EncryptionAtRestOptions.Enabled=true without KmsKeyId: AWS-managed key aws/es");
}

/** Without security groups a domain uses its VPC's default group, which the answer may not name: the placement says so, and the view joins it to that group. */
function securityGroups(ids: readonly string[]): Val<readonly NetworkRef[]> {
  const unique = [...new Set(ids)];
  return unique.length > 0 ? unique : [VPC_DEFAULT_SECURITY_GROUP];
}

/** Without VPC options a domain has a public endpoint, guarded only by its access policy. */
export function domainPlacement(d: DomainStatus): Placement {
  const vpc = d.VPCOptions;
  const subnets: NetworkRef[] = [...new Set(vpc?.SubnetIds ?? [])];
  if (vpc === undefined || (subnets.length === 0 && !vpc.VPCId)) {
    return { publiclyAccessible: true, subnets: [], securityGroups: [], inVpc: false, observed: "no VPCOptions: public endpoint" };
  }
  const defaultVpc = subnets.length === 0;
  return {
    publiclyAccessible: false,
    subnets: defaultVpc ? unknown("not-fetched", `${d.DomainName ?? ""} names no subnets: AWS places it in the default VPC`) : subnets,
    securityGroups: securityGroups(vpc.SecurityGroupIds ?? []),
    inVpc: true,
    ...(defaultVpc ? { defaultVpc: true } : {}),
    observed: `VPCOptions.SubnetIds: ${subnets.length}`,
  };
}

/** Domains running an Elasticsearch engine are named as such in messages. */
const variantOf = (d: DomainStatus | undefined): StoreVariant | undefined =>
  d?.EngineVersion?.startsWith("Elasticsearch_") ? "elasticsearch-domain" : undefined;

function notDescribed(why: ReturnType<typeof unknownOf>): Placement {
  return { publiclyAccessible: why, subnets: why, securityGroups: why, inVpc: why, observed: "domain not described" };
}

function adaptDomain(a: OpenSearchDomainAnswer, ctx: AdaptContext, region: string): StoreWithPolicy & { placement: Placement } {
  const status = a.status.ok ? a.status.value : undefined;
  const variant = variantOf(status);
  const arn = status?.ARN ?? arnOf(ctx.partition, "es", region, ctx.account, `domain/${a.name}`);
  const ref = awsRef(arn, "AWS::OpenSearchService::Domain", a.name, storeLabel(KIND, variant), ctx.account, region);
  const encryption: Val<EncryptionAtRest> = readFetched(a.status, (d) => domainEncryption(d, ctx, region));
  const store: DataStore = {
    model: "data-store",
    ref,
    kind: KIND,
    ...(variant ? { variant } : {}),
    physicalName: a.name,
    tags: readFetched(a.tags, tagsOfList),
    encryption,
    parts: [],
  };
  const policy = inlinePolicy(ref, "opensearch", "access policy", readFetched(a.status, (d) => d.AccessPolicies));
  const placement = a.status.ok ? domainPlacement(a.status.value) : notDescribed(unknownOf(a.status.failure));
  return { store, ...(policy ? { policy } : {}), placement };
}

/** One region's OpenSearch and Elasticsearch domains: stores, their placements and access policies. */
export function adaptOpenSearch(raw: OpenSearchAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.domains.ok) return { gaps: [gapOf(raw.domains.failure, "OpenSearch domains")] };
  const adapted = raw.domains.value.map((a) => adaptDomain(a, ctx, raw.region));
  return {
    ...storesAndPolicies(adapted),
    placements: adapted.map((a) => [a.store.ref.id, a.placement] as const),
    hygiene: { stores: raw.domains.value.flatMap((a, i) => (a.status.ok && adapted[i] ? [[adapted[i].store.ref.id, domainHygiene(a.status.value)] as const] : [])) },
  };
}
