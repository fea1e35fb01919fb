import { keyDirectory as kmsKeyDirectory } from "../../adapters/aws/kms-directory";
import type { KmsAnswers } from "../../fetchers/aws/kms";
import type { KeyDirectoryBuilder } from "../scan-account";
import type { AnySource } from "../source";
import { ANALYTICS_SOURCES } from "./analytics";
import { ANALYTICS_HYGIENE_SOURCES } from "./analytics-hygiene";
import { DOORS_HYGIENE_SOURCES } from "./doors-hygiene";
import { EC2_SOURCES } from "./ec2";
import { IAM_SOURCES } from "./iam";
import { KMS_SOURCES } from "./kms";
import { RDS_SOURCES } from "./rds";
import { S3_SOURCES } from "./s3";
import { SERVICE_SOURCES } from "./services";
import { WATCH_HYGIENE_SOURCES } from "./watch-hygiene";

/** Every source the scanner can run; a scan picks those its rules read. */
export const ALL_SOURCES: readonly AnySource[] = [
  ...KMS_SOURCES,
  ...IAM_SOURCES,
  ...S3_SOURCES,
  ...EC2_SOURCES,
  ...RDS_SOURCES,
  ...SERVICE_SOURCES,
  ...ANALYTICS_SOURCES,
  ...ANALYTICS_HYGIENE_SOURCES,
  ...WATCH_HYGIENE_SOURCES,
  ...DOORS_HYGIENE_SOURCES,
];

/** The key look-ups of one account, from the KMS answers of each scanned region. */
export const keyDirectory: KeyDirectoryBuilder = (answers, account, partition) =>
  kmsKeyDirectory(account, partition, [...answers.values()] as KmsAnswers[]);
