import type { DataStore } from "../../models/data-store";
import { tagProps, type StateWriter } from "./context";
import { keySetting } from "./key-setting";
import { inlinePolicy, policiesOf } from "./policies";

/** A topic: encrypted only with `kmsMasterKeyId` (a customer key's ARN, or alias/aws/sns); its policy inline. */
export function writeTopic(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `SNS topic ${name}`;
  const key = keySetting(store.encryption, what, "alias/aws/sns");
  w.add({
    type: "aws:sns/topic:Topic",
    name,
    model: store.ref,
    id: store.ref.id,
    props: {
      name,
      arn: store.ref.id,
      ...(key.key ? { kmsMasterKeyId: key.key } : {}),
      ...inlinePolicy(policiesOf(w, store.ref.id, "sns")),
      ...tagProps(store.tags, what),
    },
    refs: { kmsMasterKeyId: [key.keyModel] },
  });
}
