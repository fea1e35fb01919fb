// Which actions read a store's data. The catalogue's "Read" and "List" levels mostly read settings
// (s3:GetBucketTagging, rds:DescribeDBInstances): counting them would list the scanner and every
// auditor as readers of every store. The access map's "read" is reading the data itself.
import { DATA_READ_ACTIONS } from "../iam";

/** Data reads the shared list (used by the IAM rules) does not name, for stores the inventory models. */
const MORE_DATA_READS = [
  "s3:getobjectattributes",
  "s3:listbucket",
  "s3:listbucketversions",
  "s3:getobjectversionattributes",
  "dynamodb:getsharditerator",
  "dynamodb:describestream",
  "kinesis:getsharditerator",
  "kinesis:subscribetoshard",
  "sns:subscribe",
  "secretsmanager:getsecretvalue",
  "logs:startquery",
  "logs:startlivetail",
  "redshift-serverless:getcredentials",
  "backup:startrestorejob",
  "elasticfilesystem:clientread",
  "ebs:listsnapshotblocks",
];

/** Logins that open the store's data for reading and writing (IAM database authentication and the like). */
const DATA_LOGINS = ["rds-db:connect", "elasticache:connect", "memorydb:connect", "kafka-cluster:connect"];

const READS: ReadonlySet<string> = new Set([...DATA_READ_ACTIONS, ...MORE_DATA_READS].map((a) => a.toLowerCase()));
const LOGINS: ReadonlySet<string> = new Set(DATA_LOGINS);

/** Whether the action (lowercase `service:name`) reads the store's data. */
export const readsData = (key: string): boolean => READS.has(key) || LOGINS.has(key);

/** Whether the action is a login to the store's data: it reads and writes it. */
export const logsIntoData = (key: string): boolean => LOGINS.has(key);
