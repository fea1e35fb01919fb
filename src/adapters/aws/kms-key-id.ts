import type { KeyListEntry } from "@aws-sdk/client-kms";
import { arnOf } from "./refs";

/** A key's model id: its ARN (ListKeys gives it; built from the id when it does not). */
export function kmsKeyModelId(listed: KeyListEntry, partition: string, region: string, account: string): string {
  return listed.KeyArn ?? arnOf(partition, "kms", region, account, `key/${listed.KeyId ?? ""}`);
}

/** How a resource names a KMS key: by key id or by alias, with the account and region an ARN tells. */
export type KeyName =
  | { readonly by: "key"; readonly keyId: string; readonly account?: string; readonly region?: string }
  | { readonly by: "alias"; readonly alias: string; readonly account?: string; readonly region?: string };

const KMS_ARN = /^arn:[a-z-]+:kms:([a-z0-9-]*):(\d{12}|aws)?:(key|alias)\/(.+)$/;

/** Reads a key ARN, an alias ARN, an alias name (`alias/x`) or a bare key id (`1234abcd-...`, `mrk-...`). */
export function parseKeyName(key: string): KeyName {
  const arn = KMS_ARN.exec(key);
  if (arn !== null) {
    const [, region, account, kind, rest] = arn as unknown as [string, string, string | undefined, "key" | "alias", string];
    const where = { ...(region ? { region } : {}), ...(account ? { account } : {}) };
    return kind === "key" ? { by: "key", keyId: rest, ...where } : { by: "alias", alias: `alias/${rest}`, ...where };
  }
  return key.startsWith("alias/") ? { by: "alias", alias: key } : { by: "key", keyId: key };
}
