import { KMS_KEY_TYPES } from "../../adapters/pulumi/kms-ref";
import { PRINCIPAL_LABEL, PRINCIPAL_TYPE } from "../../adapters/pulumi/iam/types";
import { STORE_ADAPTERS } from "../../adapters/pulumi/stores";
import { KMS_KEY_LABEL } from "../../models/kms-key";
import { storeLabel } from "../../models/store-kind-facts";

const STACK_TYPE = "pulumi:pulumi:Stack";

/** The labels the pack's adapters give the resource types a report is most often about. */
const LABEL_OF_TYPE: ReadonlyMap<string, string> = new Map([
  ...STORE_ADAPTERS.flatMap((a) => a.types.map((t): [string, string] => [t, storeLabel(a.kind, a.variant)])),
  ...[...KMS_KEY_TYPES].map((t): [string, string] => [t, KMS_KEY_LABEL]),
  ...Object.entries(PRINCIPAL_TYPE).map(([kind, t]): [string, string] => [t, PRINCIPAL_LABEL[kind as keyof typeof PRINCIPAL_LABEL]]),
  [STACK_TYPE, "Pulumi stack"],
]);

export const labelOfType = (type: string): string | undefined => LABEL_OF_TYPE.get(type);

/**
 * The label a message gives its resource: the pack's messages begin with `<label> '<name>'`
 * (core/outcome.ts describe); undefined when this one does not.
 */
export function labelInMessage(message: string, name: string): string | undefined {
  const at = message.indexOf(` '${name}'`);
  if (at <= 0) return undefined;
  const label = message.slice(0, at);
  return /^[A-Za-z0-9][A-Za-z0-9 ./()-]{0,59}$/.test(label) ? label : undefined;
}
