/** Where a model came from: a Pulumi resource (URN) or a deployed AWS resource (ARN). */
export interface ResourceRef {
  /** Pulumi URN, or the ARN (or another unique id) of a deployed resource. */
  readonly id: string;
  /** Provider type token (the front's own type name) or CloudFormation-style AWS type. */
  readonly type: string;
  /** Logical name (Pulumi) or resource name/id (AWS). */
  readonly name: string;
  /** Human label for messages, e.g. "S3 bucket". */
  readonly label: string;
  readonly account?: string;
  readonly region?: string;
}
