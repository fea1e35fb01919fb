import { adaptBackupPlans } from "../../adapters/aws/watch/backup-plans";
import { adaptCloudTrail } from "../../adapters/aws/watch/cloudtrail";
import { adaptFlowLogs } from "../../adapters/aws/watch/flow-logs";
import { adaptGuardDuty } from "../../adapters/aws/watch/guardduty";
import { adaptMacie } from "../../adapters/aws/watch/macie";
import { backupPlansFetcher, type BackupPlanAnswers } from "../../fetchers/aws/backup-plans";
import { cloudTrailFetcher, type CloudTrailAnswers } from "../../fetchers/aws/cloudtrail";
import { flowLogsFetcher, type FlowLogAnswers } from "../../fetchers/aws/ec2-flow-logs";
import { guardDutyFetcher, type GuardDutyAnswers } from "../../fetchers/aws/guardduty";
import { macieFetcher, type MacieAnswers } from "../../fetchers/aws/macie";
import type { AnySource, Source } from "../source";

/** The services that watch an account: trails, GuardDuty, Macie, VPC flow logs, backup plans' selections. */

export const cloudTrailSource: Source<CloudTrailAnswers> = { fetcher: cloudTrailFetcher, feeds: ["hygiene"], adapt: adaptCloudTrail };
export const guardDutySource: Source<GuardDutyAnswers> = { fetcher: guardDutyFetcher, feeds: ["hygiene"], adapt: adaptGuardDuty };
export const macieSource: Source<MacieAnswers> = { fetcher: macieFetcher, feeds: ["hygiene"], adapt: adaptMacie };
export const flowLogsSource: Source<FlowLogAnswers> = { fetcher: flowLogsFetcher, feeds: ["hygiene"], adapt: adaptFlowLogs };
export const backupPlansSource: Source<BackupPlanAnswers> = { fetcher: backupPlansFetcher, feeds: ["hygiene"], adapt: adaptBackupPlans };

export const WATCH_HYGIENE_SOURCES: AnySource[] = [cloudTrailSource, guardDutySource, macieSource, flowLogsSource, backupPlansSource];
