import { isUnknown, type Val } from "../../../core/value";
import type { Props } from "../props";
import { optStr } from "../network/values";

/**
 * Resources that add one statement to a resource policy instead of holding a document: read as
 * that statement, so the policy analyzer judges them as it judges any policy. Unknown values stay
 * Unknown inside the document.
 */

/** A principal as a Lambda or EventBridge permission takes it: `*`, an account id or ARN, or a service. */
function principalOf(principal: Val<string | undefined>): unknown {
  // Unset (the provider requires it) is left out: the analyzer then calls the statement malformed.
  if (isUnknown(principal) || principal === undefined || principal === "*") return principal;
  return /\.amazonaws\.com(\.cn)?$/.test(principal) ? { Service: principal } : { AWS: principal };
}

/** Conditions from the properties that are set (known or not), keyed by operator then condition key. */
function conditionsOf(entries: readonly [operator: string, key: string, value: Val<string | undefined>][]): Record<string, Record<string, unknown>> | undefined {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [operator, key, value] of entries) {
    if (value === undefined) continue;
    (out[operator] ??= {})[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const statementDocument = (statement: Record<string, unknown>): unknown => ({ Version: "2012-10-17", Statement: [statement] });

/** `aws:lambda/permission:Permission`: the statement AddPermission adds to the function's policy. */
export function lambdaPermissionDocument(p: Props): Val<unknown> {
  const condition = conditionsOf([
    ["ArnLike", "aws:SourceArn", optStr(p, "sourceArn")],
    ["StringEquals", "aws:SourceAccount", optStr(p, "sourceAccount")],
    ["StringEquals", "aws:PrincipalOrgID", optStr(p, "principalOrgId")],
    ["StringEquals", "lambda:FunctionUrlAuthType", optStr(p, "functionUrlAuthType")],
  ]);
  return statementDocument({
    Effect: "Allow",
    Principal: principalOf(optStr(p, "principal")),
    Action: optStr(p, "action") ?? "lambda:InvokeFunction",
    Resource: "*",
    ...(condition ? { Condition: condition } : {}),
  });
}

/**
 * `aws:lambda/functionUrl:FunctionUrl`: with `authorizationType: NONE` anyone on the internet may
 * invoke the function through its URL; with `AWS_IAM` only signed requests of allowed principals.
 */
export function functionUrlDocument(p: Props): Val<unknown> {
  const auth = optStr(p, "authorizationType");
  if (isUnknown(auth)) return auth;
  if (auth?.toUpperCase() !== "NONE") return { Version: "2012-10-17", Statement: [] };
  return statementDocument({ Effect: "Allow", Principal: "*", Action: "lambda:InvokeFunctionUrl", Resource: "*" });
}

/** `aws:cloudwatch/eventPermission:EventPermission`: `principal` `*` lets any account put events, unless `condition` scopes it. */
export function eventPermissionDocument(p: Props): Val<unknown> {
  const key = optStr(p, "condition.key");
  const type = optStr(p, "condition.type");
  const value = optStr(p, "condition.value");
  const condition = key === undefined ? undefined : isUnknown(key) ? key : { [isUnknown(type) || type === undefined ? "StringEquals" : type]: { [key]: value } };
  return statementDocument({
    Effect: "Allow",
    Principal: principalOf(optStr(p, "principal")),
    Action: optStr(p, "action") ?? "events:PutEvents",
    Resource: "*",
    ...(condition === undefined ? {} : { Condition: condition }),
  });
}
