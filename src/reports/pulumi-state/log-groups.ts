import type { DataStore } from "../../models/data-store";
import { tagProps, type StateWriter } from "./context";
import { keySetting } from "./key-setting";

/** A log group: always encrypted, with `kmsKeyId` when it names a key. */
export function writeLogGroup(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `CloudWatch log group ${name}`;
  const key = keySetting(store.encryption, what);
  w.add({
    type: "aws:cloudwatch/logGroup:LogGroup",
    name,
    model: store.ref,
    id: name,
    props: { name, arn: store.ref.id, ...(key.manager === "customer-managed" ? { kmsKeyId: key.key } : {}), ...tagProps(store.tags, what) },
    refs: { kmsKeyId: [key.keyModel] },
  });
}
