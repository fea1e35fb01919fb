import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, EC2Client } from "@aws-sdk/client-ec2";
import { CreateKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import type { AdaptContext } from "../../../src/adapters/aws/context";
import { keyDirectory } from "../../../src/adapters/aws/kms-directory";
import { isUnknown } from "../../../src/core/value";
import type { KmsAnswers } from "../../../src/fetchers/aws/kms";
import type { DataStore, EncryptionAtRest } from "../../../src/models/data-store";
import { adaptContext } from "../../adapters/aws/fixtures";
import { MOTO_ACCOUNT, seedConfig } from "../../support/aws-context";

/** Shared by the fetcher tests against the emulator (moto). */

/** A customer-managed key made in the emulator, and an adapt context whose KMS answers know it by ARN and by id. */
export async function customerKey(endpoint: string, region: string): Promise<{ arn: string; id: string; ctx: AdaptContext }> {
  const kms = new KMSClient(seedConfig(endpoint, region));
  const meta = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!;
  return { arn: meta.Arn!, id: meta.KeyId!, ctx: adaptContext({ [meta.Arn!]: "customer-managed", [meta.KeyId!]: "customer-managed" }, { account: MOTO_ACCOUNT }) };
}

/** Where a data store of the emulator sits: a customer-managed key, two subnets (zones a and b) of one VPC, a security group. */
export interface SeededNetwork {
  readonly cmk: string;
  readonly subnets: string[];
  readonly sg: string;
}

/** Seeds a `SeededNetwork`: the key described as `key`, the VPC `${prefix}.0.0/16`, the security group named `group`. */
export async function seedNetwork(endpoint: string, region: string, names: { key: string; prefix: string; group: string }): Promise<SeededNetwork> {
  const config = seedConfig(endpoint, region);
  const kms = new KMSClient(config);
  const ec2 = new EC2Client(config);
  const cmk = (await kms.send(new CreateKeyCommand({ Description: names.key }))).KeyMetadata?.Arn ?? "";
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: `${names.prefix}.0.0/16` }))).Vpc?.VpcId ?? "";
  const subnets: string[] = [];
  for (const [i, az] of ["a", "b"].entries()) {
    const s = await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `${names.prefix}.${i + 1}.0/24`, AvailabilityZone: `${region}${az}` }));
    subnets.push(s.Subnet?.SubnetId ?? "");
  }
  const sg = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: names.group, Description: names.group, VpcId: vpc }))).GroupId ?? "";
  return { cmk, subnets, sg };
}

/** The adapt context of a scan of the emulator: who manages each key, from its KMS answers. */
export function kmsAnswersContext(...kms: KmsAnswers[]): AdaptContext {
  const keys = keyDirectory(MOTO_ACCOUNT, "aws", kms);
  return { account: MOTO_ACCOUNT, partition: "aws", keyManager: keys.keyManager, keyRef: keys.keyRef };
}

/** Stores by their physical name. */
export const storesByName = (stores: readonly DataStore[] | undefined): Map<string | undefined, DataStore> =>
  new Map((stores ?? []).map((s) => [s.physicalName, s]));

/** The encryption of a store that must be there, and known. */
export function encryptionOf(s: DataStore | undefined): EncryptionAtRest {
  if (s === undefined || isUnknown(s.encryption)) throw new Error(`no known encryption for ${s?.ref.id}`);
  return s.encryption;
}
