// cdguard's organization scan, deployed: every day EventBridge Scheduler starts a Step Functions state machine
// whose Distributed Map runs one ECS Fargate task per shard (`cdguard scan --org --shard i/N`), then merges the
// shard files into one report, diffs it against the previous one, promotes it and notifies SNS of new
// failures. See ../README.md.
import * as pulumi from "@pulumi/pulumi";
import { currentAccount } from "./account";
import { createMemberRole } from "./member-role";
import { createNetwork } from "./network";
import { createOrchestration } from "./orchestration";
import { readPolicyDocument, SCANNER_POLICY_FILE, splitPolicyDocument } from "./policy-documents";
import { readSettings } from "./settings";
import { createStorage } from "./storage";
import { createTasks } from "./tasks";

const settings = readSettings();
const account = currentAccount();
// The same generated policy the scanner documents, in as many managed policies as its size needs.
const scannerPolicyParts = splitPolicyDocument(readPolicyDocument(SCANNER_POLICY_FILE));

const storage = createStorage(settings, account);
const network = createNetwork(settings, account, storage);
const tasks = createTasks(settings, account, storage, scannerPolicyParts);
const { stateMachine, schedule } = createOrchestration(settings, account, storage, network, tasks);
const memberRole = createMemberRole(settings, tasks.scanRole, scannerPolicyParts, account.region);

export const reportsBucket = storage.bucket.bucket;
export const latestReport = pulumi.interpolate`s3://${storage.bucket.bucket}/latest/report.json`;
export const findingsTopicArn = storage.topic.arn;
export const stateMachineArn = stateMachine.arn;
export const scheduleName = schedule.name;
export const scanTaskRoleArn = tasks.scanRole.arn;
export const memberRoleStackSet = memberRole.name;
