import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { seedConfig } from "./aws-context";

export interface AccessKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface UserPolicy {
  readonly name: string;
  readonly document: object;
  /** A customer managed policy attached to the user, rather than an inline policy. */
  readonly managed?: boolean;
}

/** Creates the IAM user `name` in the emulator, with `policy` if any, and answers its access keys (for when moto enforces IAM). */
export async function iamUser(endpoint: string, name: string, policy?: UserPolicy): Promise<AccessKeys> {
  const iam = new IAMClient(seedConfig(endpoint));
  await iam.send(new CreateUserCommand({ UserName: name }));
  if (policy?.managed) {
    const created = await iam.send(new CreatePolicyCommand({ PolicyName: policy.name, PolicyDocument: JSON.stringify(policy.document) }));
    await iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: created.Policy?.Arn }));
  } else if (policy) {
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: policy.name, PolicyDocument: JSON.stringify(policy.document) }));
  }
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey;
  return { accessKeyId: key?.AccessKeyId ?? "", secretAccessKey: key?.SecretAccessKey ?? "" };
}

/** An IAM policy document of `statements`. */
export const policyDocument = (...statements: object[]): object => ({ Version: "2012-10-17", Statement: statements });

/** Runs `run` while moto enforces IAM (turned off again afterwards, whatever happens). */
export async function whileIamEnforced<T>(moto: { enableIamAuth(): Promise<void>; disableIamAuth(): Promise<void> }, run: () => Promise<T>): Promise<T> {
  await moto.enableIamAuth();
  try {
    return await run();
  } finally {
    await moto.disableIamAuth();
  }
}
