import type { KmsKey } from "../../models/kms-key";
import { known, tagProps, Unwritable, type StateWriter } from "./context";
import { policiesOf } from "./policies";

const KEY_TYPE = { AWS_KMS: "aws:kms/key:Key", EXTERNAL: "aws:kms/externalKey:ExternalKey" } as const;

/**
 * A customer-managed key as `aws:kms/key:Key` (or `ExternalKey` for imported material), with its
 * key policy inline. AWS-managed keys are no resource of anyone's program and are not written.
 */
export function writeKmsKey(w: StateWriter, key: KmsKey): void {
  if (key.manager !== "customer") return;
  const what = `KMS key ${key.ref.name}`;
  const origin = known(key.origin, `the origin of ${what}`);
  const type = KEY_TYPE[origin as keyof typeof KEY_TYPE];
  if (type === undefined) throw new Unwritable(`${what} is in a custom key store (${origin}), whose id the model does not carry`);
  const arn = known(key.arn, `the ARN of ${what}`);
  const policy = policiesOf(w, key.ref.id, "kms")[0];
  w.add({
    type,
    name: key.ref.name,
    model: key.ref,
    id: key.ref.name,
    props: {
      arn,
      keyId: key.ref.name,
      ...(type === KEY_TYPE.AWS_KMS ? { customerMasterKeySpec: known(key.spec, `the spec of ${what}`) } : {}),
      keyUsage: known(key.usage, `the usage of ${what}`),
      enableKeyRotation: known(key.rotationEnabled, `the rotation of ${what}`),
      deletionWindowInDays: known(key.deletionWindowDays, `the deletion window of ${what}`),
      ...(policy === undefined ? {} : { policy }),
      ...tagProps(key.tags, what),
    },
  });
}
