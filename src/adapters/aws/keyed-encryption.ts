import { managerOfNamedKey, printableKey } from "../../encryption/key-names";
import type { EncryptionAtRest } from "../../models/data-store";
import type { AdaptContext } from "./context";

/**
 * Encryption with the KMS key a resource names (ARN, key id or alias). An `alias/aws/...` name is
 * AWS-managed on its own; any other key is judged from the scan's KMS answers. `setting` names the
 * field that holds the key, for `observed`.
 */
export function keyedEncryption(ctx: AdaptContext, key: string, region: string, setting: string): EncryptionAtRest {
  const keyId = printableKey(key);
  const keyRef = ctx.keyRef(key, region);
  return {
    enabled: true,
    keyManager: managerOfNamedKey(key) === "aws-managed" ? "aws-managed" : ctx.keyManager(key, region),
    ...(keyId ? { keyId } : {}),
    ...(keyRef ? { keyRef } : {}),
    observed: `${setting}=${keyId ?? "(a key)"}`,
  };
}
