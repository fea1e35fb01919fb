import type { AnyRule } from "../../core/rule";
import { apiStagesDoNotLogRequestBodies } from "./api-stages-do-not-log-request-bodies";
import { backupVaultsLocked } from "./backup-vaults-locked";
import { cachesSearchAndStreamsEncryptInTransit } from "./caches-search-and-streams-encrypt-in-transit";
import { cloudtrailRecordsEveryRegionWithValidatedEncryptedLogs } from "./cloudtrail-records-every-region-with-validated-encrypted-logs";
import { customerDataBucketsExpireObjects } from "./customer-data-buckets-expire-objects";
import { customerDataBucketsVersioned } from "./customer-data-buckets-versioned";
import { customerDataReadsAreAudited } from "./customer-data-reads-are-audited";
import { customerDataStoresBackedUp } from "./customer-data-stores-backed-up";
import { customerDataVpcsHaveFlowLogs } from "./customer-data-vpcs-have-flow-logs";
import { dataEndpointsServeOnlyCurrentTls } from "./data-endpoints-serve-only-current-tls";
import { databaseAuditLogsExported } from "./database-audit-logs-exported";
import { databasesHaveDeletionProtection } from "./databases-have-deletion-protection";
import { databasesRequireTlsConnections } from "./databases-require-tls-connections";
import { expiringDataTablesHaveTtl } from "./expiring-data-tables-have-ttl";
import { logGroupsRetainForBoundedTime } from "./log-groups-retain-for-bounded-time";
import { restrictedQueuesTopicsAndSecretsRefusePlainTransport } from "./restricted-queues-topics-and-secrets-refuse-plain-transport";
import { streamsAndQueuesRetainWithinBounds } from "./streams-and-queues-retain-within-bounds";
import { threatDetectionEnabledWhereCustomerDataLives } from "./threat-detection-enabled-where-customer-data-lives";

export {
  apiStagesDoNotLogRequestBodies,
  backupVaultsLocked,
  cachesSearchAndStreamsEncryptInTransit,
  cloudtrailRecordsEveryRegionWithValidatedEncryptedLogs,
  customerDataBucketsExpireObjects,
  customerDataBucketsVersioned,
  customerDataReadsAreAudited,
  customerDataStoresBackedUp,
  customerDataVpcsHaveFlowLogs,
  dataEndpointsServeOnlyCurrentTls,
  databaseAuditLogsExported,
  databasesHaveDeletionProtection,
  databasesRequireTlsConnections,
  expiringDataTablesHaveTtl,
  logGroupsRetainForBoundedTime,
  restrictedQueuesTopicsAndSecretsRefusePlainTransport,
  streamsAndQueuesRetainWithinBounds,
  threatDetectionEnabledWhereCustomerDataLives,
};

/** The privacy-hygiene pillar (in transit, audit of data access, retention, breach readiness), in id order. */
export const HYGIENE_RULES: readonly AnyRule[] = [
  databasesRequireTlsConnections,
  cachesSearchAndStreamsEncryptInTransit,
  restrictedQueuesTopicsAndSecretsRefusePlainTransport,
  dataEndpointsServeOnlyCurrentTls,
  cloudtrailRecordsEveryRegionWithValidatedEncryptedLogs,
  customerDataReadsAreAudited,
  databaseAuditLogsExported,
  customerDataVpcsHaveFlowLogs,
  logGroupsRetainForBoundedTime,
  customerDataBucketsExpireObjects,
  streamsAndQueuesRetainWithinBounds,
  expiringDataTablesHaveTtl,
  apiStagesDoNotLogRequestBodies,
  customerDataStoresBackedUp,
  databasesHaveDeletionProtection,
  customerDataBucketsVersioned,
  backupVaultsLocked,
  threatDetectionEnabledWhereCustomerDataLives,
];
