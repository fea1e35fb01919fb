import { boundValue } from "../../core/bounded-text";
import { typeName } from "../../core/config";
import { isUnknown, unknown, type Val } from "../../core/value";
import { isUnknownSentinel } from "./engine-resource";
import type { Props } from "./props";

/**
 * A policy document property (identity, trust or resource policy) as the analyzer takes it: a JSON
 * string, or an object (programs may pass a PolicyDocument object) whose computed values become
 * Unknown("preview"). Undefined when the property is not set; Unknown("error") when it is neither a
 * string nor an object.
 */
export function readDocument(p: Props, path: string): Val<unknown> | undefined {
  const v = p.get(path);
  if (isUnknown(v) || v === undefined || v === null) return v ?? undefined;
  if (typeof v === "string") return v;
  const where = `property '${boundValue(path)}' of ${p.resource.name}`;
  if (typeof v === "object" && !Array.isArray(v)) return withUnknowns(v, where);
  return unknown("error", `${where} should be a JSON policy document, got ${typeName(v)}`);
}

/** A copy of the value where every engine unknown sentinel is an Unknown the parser understands. */
function withUnknowns(v: unknown, where: string): unknown {
  if (isUnknownSentinel(v)) return unknown("preview", `a value inside ${where} is computed during the update`);
  if (Array.isArray(v)) return v.map((x) => withUnknowns(x, where));
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withUnknowns(x, where)]));
  }
  return v;
}

/**
 * The document, or Unknown("error") naming the missing property (the resource requires one). A required
 * document the planned state sends unknown without a dependency (an invoke's output, such as
 * `aws.iam.getPolicyDocumentOutput(...).json`) cannot be unset: it is computed during the update.
 */
export function requiredDocument(p: Props, path: string): Val<unknown> {
  const document = readDocument(p, path);
  if (document !== undefined) return document;
  if (isUnknownSentinel(p.resource.props[path])) return unknown("preview", `${boundValue(path)} of ${p.resource.name} is computed during the update`);
  return unknown("error", `property '${boundValue(path)}' of ${p.resource.name} is not set`);
}
