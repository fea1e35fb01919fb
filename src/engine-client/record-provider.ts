// What the recorder's mocks do in place of the providers, as pulumi-aws (a Terraform-bridged provider)
// would, so a recorded program sees, and the recorder keeps, what the engine would:
//
// - Check: the provider fills in the names a program leaves unset ("autonaming"): `<logical name>-<7
//   random hex digits>`, from the URN's name (pulumi-terraform-bridge info/autonaming.go, AutoName and
//   ComputeAutoNameDefault; pulumi-aws provider/autonaming.go gives every resource with an input `name`
//   one, provider/resources.go gives the others theirs, e.g. a bucket's `bucket`). Check runs in preview
//   too, so the names are known in a preview, are part of the checked inputs the engine sends to Analyze
//   (step_generator.go: Check, then analyzeAll on its inputs), and are among the outputs. Here the seven
//   hex digits come from the URN's SHA-256 (the provider uses a random seed), so recordings are
//   deterministic. A name whose `<property>Prefix` is set is left to the provider (it conflicts).
// - Create: with every value known, the outputs are the checked inputs plus the id (`<name>-id`, also
//   as the `id` output, as a bridged provider returns it) and, for AWS resources, an ARN
//   (`arn:aws:<service>:<region>:123456789012:<name>`; an S3 bucket's is AWS's own, named by the bucket:
//   `arn:aws:s3:::<bucket>`, as bucket policies and the pack match it against the bucket's name); in a
//   preview the id and the ARN are unknown.
//   An SQS queue also gets its `url` (queue policies name their queue by it). Other computed outputs
//   (e.g. `tagsAll`, a bucket's `bucketDomainName`) are not modelled: absent.
// - A resource read with `.get()` (or imported) is looked up in preview too: its values are known, and
//   its id is the one asked for.
import { createHash } from "node:crypto";
import { ACCOUNT_ID } from "./record-invokes";
import { UNKNOWN } from "./wire";

/** How a provider names a resource a program leaves unnamed. */
export interface AutoName {
  /** The input property the provider fills. */
  property: string;
  /** The longest name the provider makes (prefix included); longer logical names fail Check. */
  maxLength: number;
  /** The logical name is lowercased first (names AWS requires in lowercase). */
  lowercase?: boolean;
  /** Put before the name: a KMS alias's name must start with "alias/". */
  prefix?: string;
  /** Appends ".fifo" when this boolean input is true (FIFO queues and topics). */
  fifoFlag?: string;
}

const name = (maxLength: number, more: Partial<AutoName> = {}): AutoName => ({ property: "name", maxLength, ...more });
const lower = (property: string, maxLength: number): AutoName => ({ property, maxLength, lowercase: true });

/**
 * The autonamed property of common AWS resource types (pulumi-aws 7.x), by type token. Types not listed
 * get no name from the mocks: extend the table when a program needs one.
 */
export const AUTONAMES: Readonly<Record<string, AutoName>> = {
  "aws:s3/bucket:Bucket": lower("bucket", 63),
  "aws:s3/bucketV2:BucketV2": lower("bucket", 63),
  "aws:rds/instance:Instance": lower("identifier", 255),
  "aws:rds/cluster:Cluster": lower("clusterIdentifier", 255),
  "aws:rds/clusterInstance:ClusterInstance": lower("identifier", 255),
  "aws:rds/subnetGroup:SubnetGroup": lower("name", 255),
  "aws:rds/parameterGroup:ParameterGroup": lower("name", 255),
  "aws:rds/clusterParameterGroup:ClusterParameterGroup": lower("name", 255),
  "aws:rds/optionGroup:OptionGroup": lower("name", 255),
  "aws:docdb/cluster:Cluster": lower("clusterIdentifier", 255),
  "aws:docdb/subnetGroup:SubnetGroup": lower("name", 255),
  "aws:neptune/cluster:Cluster": lower("clusterIdentifier", 255),
  "aws:neptune/subnetGroup:SubnetGroup": lower("name", 255),
  "aws:redshift/subnetGroup:SubnetGroup": lower("name", 255),
  "aws:elasticache/cluster:Cluster": lower("clusterId", 50),
  "aws:elasticache/replicationGroup:ReplicationGroup": lower("replicationGroupId", 40),
  "aws:elasticache/subnetGroup:SubnetGroup": lower("name", 255),
  "aws:elasticache/parameterGroup:ParameterGroup": lower("name", 255),
  "aws:opensearch/domain:Domain": lower("domainName", 28),
  "aws:elasticsearch/domain:Domain": lower("domainName", 28),
  "aws:ecr/repository:Repository": lower("name", 256),
  "aws:ec2/securityGroup:SecurityGroup": name(255),
  "aws:lb/loadBalancer:LoadBalancer": name(32),
  "aws:alb/loadBalancer:LoadBalancer": name(32),
  "aws:lb/targetGroup:TargetGroup": name(32),
  "aws:alb/targetGroup:TargetGroup": name(32),
  "aws:kms/alias:Alias": name(256, { prefix: "alias/" }),
  "aws:dynamodb/table:Table": name(255),
  "aws:sqs/queue:Queue": name(80, { fifoFlag: "fifoQueue" }),
  "aws:sns/topic:Topic": name(256, { fifoFlag: "fifoTopic" }),
  "aws:iam/role:Role": name(64),
  "aws:iam/user:User": name(64),
  "aws:iam/group:Group": name(128),
  "aws:iam/policy:Policy": name(128),
  "aws:iam/instanceProfile:InstanceProfile": name(128),
  "aws:iam/rolePolicy:RolePolicy": name(128),
  "aws:iam/userPolicy:UserPolicy": name(128),
  "aws:iam/groupPolicy:GroupPolicy": name(128),
  "aws:lambda/function:Function": name(64),
  "aws:cloudwatch/logGroup:LogGroup": name(512),
  "aws:secretsmanager/secret:Secret": name(512),
  "aws:kinesis/stream:Stream": name(128),
  "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": name(64),
  "aws:ssm/parameter:Parameter": name(2048),
  "aws:backup/vault:Vault": name(50),
};

const urnName = (urn: string): string => urn.split("::").slice(3).join("::");

/** The name the provider would give: `<logical name>-<7 hex digits>`, the digits from the URN. */
export function autoName(spec: AutoName, urn: string, inputs: Record<string, unknown>): string {
  const base = `${spec.prefix ?? ""}${spec.lowercase ? urnName(urn).toLowerCase() : urnName(urn)}-`;
  if (base.length + 7 > spec.maxLength) {
    throw new Error(`${urn}: name '${base}' plus 7 random chars is longer than maximum length ${spec.maxLength}`);
  }
  const named = base + createHash("sha256").update(urn).digest("hex").slice(0, 7);
  return spec.fifoFlag !== undefined && inputs[spec.fifoFlag] === true ? `${named}.fifo` : named;
}

/**
 * The checked inputs: the program's inputs (SDK wire encoding) with the autonamed property filled when
 * the program left it unset (absent or null) and set no `<property>Prefix`. Returns `inputs` itself when
 * nothing is added.
 */
export function checkedInputs(type: string, urn: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const spec = AUTONAMES[type];
  if (!spec) return inputs;
  const unset = (k: string): boolean => inputs[k] === undefined || inputs[k] === null;
  if (!unset(spec.property) || !unset(`${spec.property}Prefix`)) return inputs;
  return { ...inputs, [spec.property]: autoName(spec, urn, inputs) };
}

const S3_BUCKETS = new Set(["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]);

const SQS_QUEUE = "aws:sqs/queue:Queue";

/** A queue's URL names it as SQS does (`QueuePolicy.queueUrl` takes it): its physical name, else its logical one. */
function queueUrl(state: Record<string, unknown>, logicalName: string, region: string): string {
  const name = typeof state.name === "string" ? state.name : logicalName;
  return `https://sqs.${region}.amazonaws.com/${ACCOUNT_ID}/${name}`;
}

function arnOf(a: CreateArgs, state: Record<string, unknown>, mod: string, region: string): string {
  if (S3_BUCKETS.has(a.type) && typeof state.bucket === "string") return `arn:aws:s3:::${state.bucket}`;
  return `arn:aws:${mod.split("/")[0]}:${region}:${ACCOUNT_ID}:${a.name}`;
}

export interface CreateArgs {
  type: string;
  name: string;
  custom: boolean;
  /** The checked inputs, as the SDK's mocks hand them over. */
  inputs: Record<string, unknown>;
  /** Set for a read (`.get()`) or an import: the id asked for. */
  id?: string;
}

/** What the mocked provider returns for a registration: the id (undefined while unknown) and the outputs. */
export function mockCreate(a: CreateArgs, opts: { preview: boolean; region: string }): { id: string | undefined; state: Record<string, unknown> } {
  // A component has no provider: its outputs are what it registers later (registerOutputs).
  if (!a.custom) return { id: undefined, state: {} };
  const known = !opts.preview || Boolean(a.id);
  const id = a.id || `${a.name}-id`;
  const state: Record<string, unknown> = { ...a.inputs };
  if (!a.type.startsWith("pulumi:providers:")) {
    state.id = known ? id : UNKNOWN;
    const [pkg, mod = ""] = a.type.split(":");
    if (pkg === "aws" && state.arn === undefined) state.arn = known ? arnOf(a, state, mod, opts.region) : UNKNOWN;
    if (a.type === SQS_QUEUE && state.url === undefined) state.url = known ? queueUrl(state, a.name, opts.region) : UNKNOWN;
  }
  return { id: known ? id : undefined, state };
}
