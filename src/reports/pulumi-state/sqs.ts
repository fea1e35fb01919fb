import type { DataStore } from "../../models/data-store";
import { tagProps, type StateWriter } from "./context";
import { keySetting } from "./key-setting";
import { inlinePolicy, policiesOf } from "./policies";

/**
 * A queue: `kmsMasterKeyId` (a customer key's ARN, or alias/aws/sqs), else `sqsManagedSseEnabled`
 * (SSE-SQS on or off); its policy inline.
 */
export function writeQueue(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `SQS queue ${name}`;
  const key = keySetting(store.encryption, what, "alias/aws/sqs");
  const url = `https://sqs.${store.ref.region ?? w.options.region}.amazonaws.com/${store.ref.account ?? ""}/${name}`;
  w.add({
    type: "aws:sqs/queue:Queue",
    name,
    model: store.ref,
    id: url,
    props: {
      name,
      arn: store.ref.id,
      url,
      ...(key.key ? { kmsMasterKeyId: key.key } : { sqsManagedSseEnabled: key.enabled }),
      ...inlinePolicy(policiesOf(w, store.ref.id, "sqs")),
      ...tagProps(store.tags, what),
    },
    refs: { kmsMasterKeyId: [key.keyModel] },
  });
}
