import type { DataStore } from "../../models/data-store";
import { tagProps, type StateWriter } from "./context";
import { keySetting } from "./key-setting";
import { inlinePolicy, policiesOf } from "./policies";

/**
 * A secret's settings (never a value: no `SecretVersion` is written): `kmsKeyId` when it names a
 * customer key (none: aws/secretsmanager), each replica part as `replicas[]`, its policy inline.
 */
export function writeSecret(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `Secrets Manager secret ${name}`;
  const key = keySetting(store.encryption, what);
  const replicas = store.parts.map((part) => keySetting(part.encryption, `${part.name} of ${what}`));
  w.add({
    type: "aws:secretsmanager/secret:Secret",
    name,
    model: store.ref,
    id: store.ref.id,
    props: {
      name,
      arn: store.ref.id,
      ...(key.manager === "customer-managed" ? { kmsKeyId: key.key } : {}),
      ...(replicas.length > 0 ? { replicas: replicas.map((k) => (k.manager === "customer-managed" ? { kmsKeyId: k.key } : {})) } : {}),
      ...inlinePolicy(policiesOf(w, store.ref.id, "secretsmanager")),
      ...tagProps(store.tags, what),
    },
    refs: { kmsKeyId: [key.keyModel], replicas: replicas.map((k) => k.keyModel) },
  });
}
