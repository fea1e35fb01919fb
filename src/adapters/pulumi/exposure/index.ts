import type { ResourcePolicy, StoreExposure } from "../../../models/exposure";
import type { EngineResource } from "../engine-resource";
import { Groups } from "./groups";
import { RESOURCE_POLICY_TYPES, resourcePoliciesOf } from "./resource-policies";
import { addS3Exposures } from "./s3";
import { addShares, SHARE_TYPES } from "./shares";
import { addSubjects, SUBJECT_TYPES } from "./subjects";
import { TargetIndex } from "./targets";
import { BUCKET_TYPES, GOVERNED_LABELS, X } from "./types";

/** Every type read for public access, resource policies and sharing. */
export const EXPOSURE_TYPES: readonly string[] = [
  ...new Set([
    ...BUCKET_TYPES,
    X.bucketPublicAccessBlock,
    X.accountPublicAccessBlock,
    X.bucketAcl,
    X.bucketAclV2,
    ...RESOURCE_POLICY_TYPES,
    ...GOVERNED_LABELS.keys(),
    ...SHARE_TYPES,
    ...SUBJECT_TYPES,
  ]),
];
const WANTED: ReadonlySet<string> = new Set(EXPOSURE_TYPES);

export interface Exposures {
  readonly exposures: Map<string, StoreExposure>;
  readonly resourcePolicies: ResourcePolicy[];
}

/** Public-access settings, shares and resource policies of the view's resources, joined to their stores and keys. */
export function buildExposures(resources: readonly EngineResource[]): Exposures {
  const groups = new Groups(resources, WANTED);
  const index = new TargetIndex(resources);
  const exposures = new Map<string, StoreExposure>();
  addS3Exposures(exposures, groups, index);
  addShares(exposures, groups, index);
  addSubjects(exposures, groups, index);
  return { exposures, resourcePolicies: resourcePoliciesOf(groups, index) };
}
