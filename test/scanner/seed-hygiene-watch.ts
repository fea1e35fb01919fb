import { CloudTrailClient, CreateTrailCommand, PutEventSelectorsCommand, StartLoggingCommand } from "@aws-sdk/client-cloudtrail";
import { CloudWatchLogsClient, CreateLogGroupCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateFlowLogsCommand, CreateVpcCommand, EC2Client, type FlowLogsResourceType, type TrafficType } from "@aws-sdk/client-ec2";
import { CreateDetectorCommand, GuardDutyClient } from "@aws-sdk/client-guardduty";
import { CreateKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { CreateBucketCommand, PutBucketTaggingCommand, S3Client } from "@aws-sdk/client-s3";
import { seedConfig } from "../support/aws-context";

/**
 * The watch group's part of the seeded account (trails, GuardDuty, VPC flow logs), one compliant
 * (`hyg-ok-...`) and one non-compliant (`hyg-bad-...`) resource per setting the group reads.
 * Not seeded, because moto cannot hold them: Macie (its GetMacieSession answer is not readable by the
 * SDK) and AWS Backup selections (moto has no ListBackupSelections); a backup plan without its
 * selections would only leave a coverage gap. GuardDuty allows one detector per region: it is
 * enabled with one protection on (S3 data events) and one off (RDS login events).
 */
export async function seedHygieneWatch(endpoint: string, region: string): Promise<void> {
  const cfg = seedConfig(endpoint, region);
  const key = await new KMSClient(cfg).send(new CreateKeyCommand({ Description: "hyg-ok-trail-key" }));
  const s3 = new S3Client(cfg);
  const bucket = async (name: string) => {
    await s3.send(new CreateBucketCommand({ Bucket: name, ...(region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }) }));
    await s3.send(new PutBucketTaggingCommand({ Bucket: name, Tagging: { TagSet: [{ Key: "data-classification", Value: "confidential" }] } }));
  };
  await bucket(`hyg-ok-trail-logs-${region}`);
  await bucket(`hyg-bad-trail-logs-${region}`);

  const trails = new CloudTrailClient(cfg);
  await trails.send(
    new CreateTrailCommand({
      Name: "hyg-ok-trail",
      S3BucketName: `hyg-ok-trail-logs-${region}`,
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      KmsKeyId: key.KeyMetadata?.Arn,
    }),
  );
  await trails.send(new StartLoggingCommand({ Name: "hyg-ok-trail" }));
  await trails.send(
    new PutEventSelectorsCommand({
      TrailName: "hyg-ok-trail",
      EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] }],
    }),
  );
  // Single-region, no validation, no KMS key, never started, no data events.
  await trails.send(new CreateTrailCommand({ Name: "hyg-bad-trail", S3BucketName: `hyg-bad-trail-logs-${region}` }));

  await new GuardDutyClient(cfg).send(
    new CreateDetectorCommand({
      Enable: true,
      Features: [
        { Name: "S3_DATA_EVENTS", Status: "ENABLED" },
        { Name: "RDS_LOGIN_EVENTS", Status: "DISABLED" },
      ],
      Tags: { Name: "hyg-ok-detector" },
    }),
  );

  const ec2 = new EC2Client(cfg);
  const logs = new CloudWatchLogsClient(cfg);
  const vpcWithFlowLog = async (name: string, cidr: string, traffic: TrafficType) => {
    const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: cidr, TagSpecifications: [{ ResourceType: "vpc", Tags: [{ Key: "Name", Value: name }] }] }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: `${name}-flow-logs`, tags: { "data-classification": "confidential" } }));
    await ec2.send(
      new CreateFlowLogsCommand({
        ResourceIds: [vpc.Vpc?.VpcId ?? ""],
        ResourceType: "VPC" as FlowLogsResourceType,
        TrafficType: traffic,
        LogDestinationType: "cloud-watch-logs",
        LogGroupName: `${name}-flow-logs`,
        DeliverLogsPermissionArn: `arn:aws:iam::123456789012:role/${name}-flow-logs`,
        TagSpecifications: [{ ResourceType: "vpc-flow-log", Tags: [{ Key: "Name", Value: name }] }],
      }),
    );
  };
  await vpcWithFlowLog("hyg-ok-vpc", "10.90.0.0/16", "ALL");
  await vpcWithFlowLog("hyg-bad-vpc", "10.91.0.0/16", "REJECT");
}
