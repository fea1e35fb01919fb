/** Data-plane reads the scanner must never make (nor be allowed to make), as IAM actions. */
export const DATA_PLANE_ACTIONS = [
  "s3:GetObject",
  "s3:GetObjectVersion",
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Scan",
  "dynamodb:Query",
  "secretsmanager:GetSecretValue",
  "secretsmanager:BatchGetSecretValue",
  "kms:Decrypt",
  "sqs:ReceiveMessage",
  "logs:GetLogEvents",
  "logs:FilterLogEvents",
  "kinesis:GetRecords",
  "kinesis:GetShardIterator",
];

/** Every IAM action a fetch context is asked to call (`listAll` goes through `attempt`). */
export function recordActions(ctx: { attempt: (action: string, ...rest: never[]) => unknown }): string[] {
  const actions: string[] = [];
  const attempt = ctx.attempt.bind(ctx);
  ctx.attempt = (action: string, ...rest: never[]) => {
    actions.push(action);
    return attempt(action, ...rest);
  };
  return actions;
}
