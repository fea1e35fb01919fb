import type { AnyRule } from "../../core/rule";
import { dataStoreInPrivateSubnets } from "./data-store-in-private-subnets";
import { dataStoreNotPubliclyAccessible } from "./data-store-not-publicly-accessible";
import { dataStoreSecurityGroupsClosedToInternet } from "./data-store-security-groups-closed-to-internet";
import { defaultSecurityGroupsAdmitNothing } from "./default-security-groups-admit-nothing";
import { resourcePoliciesNotPublic } from "./resource-policies-not-public";
import { s3BucketAclNotPublic } from "./s3-bucket-acl-not-public";
import { s3BucketPolicyNotPublic } from "./s3-bucket-policy-not-public";
import { s3BucketPublicAccessBlocked } from "./s3-bucket-public-access-blocked";
import { s3BucketRequiresTls } from "./s3-bucket-requires-tls";
import { securityGroupsClosedToInternetOnDataPorts } from "./security-groups-closed-to-internet-on-data-ports";
import { snapshotsAndImagesSharedOnlyWithTrustedAccounts } from "./snapshots-and-images-shared-only-with-trusted-accounts";

/** The network-isolation rules, in id order. */
export const NETWORK_RULES: readonly AnyRule[] = [
  dataStoreNotPubliclyAccessible,
  dataStoreSecurityGroupsClosedToInternet,
  dataStoreInPrivateSubnets,
  s3BucketPublicAccessBlocked,
  s3BucketAclNotPublic,
  s3BucketPolicyNotPublic,
  s3BucketRequiresTls,
  resourcePoliciesNotPublic,
  snapshotsAndImagesSharedOnlyWithTrustedAccounts,
  securityGroupsClosedToInternetOnDataPorts,
  defaultSecurityGroupsAdmitNothing,
];

export {
  dataStoreInPrivateSubnets,
  dataStoreNotPubliclyAccessible,
  dataStoreSecurityGroupsClosedToInternet,
  defaultSecurityGroupsAdmitNothing,
  resourcePoliciesNotPublic,
  s3BucketAclNotPublic,
  s3BucketPolicyNotPublic,
  s3BucketPublicAccessBlocked,
  s3BucketRequiresTls,
  securityGroupsClosedToInternetOnDataPorts,
  snapshotsAndImagesSharedOnlyWithTrustedAccounts,
};
