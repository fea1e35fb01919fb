// Answers for the provider functions example programs call. Anything else fails loudly, so a program
// never runs on a silently empty invoke result.
import { isPlainObject } from "./wire";

export const ACCOUNT_ID = "123456789012";

type Invoke = (inputs: Record<string, unknown>, region: string) => Record<string, unknown>;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const one = (xs: unknown[]): unknown => (xs.length === 1 ? xs[0] : xs);

function principals(v: unknown): Record<string, unknown> | string | undefined {
  const ps = list(v).filter(isPlainObject);
  if (ps.length === 0) return undefined;
  if (ps.length === 1 && ps[0]?.type === "*") return "*";
  const out: Record<string, unknown> = {};
  for (const p of ps) out[String(p.type)] = one(list(p.identifiers));
  return out;
}

/** aws.iam.getPolicyDocument: renders the statements as the provider does (the subset programs use). */
function policyDocument(inputs: Record<string, unknown>): Record<string, unknown> {
  const statements = list(inputs.statements).filter(isPlainObject).map((s) => {
    const st: Record<string, unknown> = {};
    if (s.sid) st.Sid = s.sid;
    st.Effect = s.effect ?? "Allow";
    const set = (key: string, v: unknown): void => {
      if (list(v).length > 0) st[key] = one(list(v));
    };
    set("Action", s.actions);
    set("NotAction", s.notActions);
    set("Resource", s.resources);
    set("NotResource", s.notResources);
    const p = principals(s.principals);
    if (p) st.Principal = p;
    const np = principals(s.notPrincipals);
    if (np) st.NotPrincipal = np;
    const conditions = list(s.conditions).filter(isPlainObject);
    if (conditions.length > 0) {
      const c: Record<string, Record<string, unknown>> = {};
      for (const cond of conditions) {
        const test = String(cond.test);
        c[test] = { ...(c[test] ?? {}), [String(cond.variable)]: one(list(cond.values)) };
      }
      st.Condition = c;
    }
    return st;
  });
  const doc = { Version: inputs.version ?? "2012-10-17", ...(inputs.policyId ? { Id: inputs.policyId } : {}), Statement: statements };
  const json = JSON.stringify(doc, null, 2);
  return { json, minifiedJson: JSON.stringify(doc), id: String(json.length) };
}

const INVOKES: Record<string, Invoke> = {
  "aws:index/getCallerIdentity:getCallerIdentity": () => ({
    accountId: ACCOUNT_ID, arn: `arn:aws:iam::${ACCOUNT_ID}:user/cdguard-e2e`, userId: "AIDAE2EUSER", id: ACCOUNT_ID,
  }),
  "aws:index/getRegion:getRegion": (_, region) => ({
    name: region, region, id: region, endpoint: `ec2.${region}.amazonaws.com`, description: region,
  }),
  "aws:index/getPartition:getPartition": () => ({
    partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws",
  }),
  "aws:index/getAvailabilityZones:getAvailabilityZones": (_, region) => ({
    names: ["a", "b", "c"].map((z) => `${region}${z}`), zoneIds: ["1", "2", "3"].map((z) => `az${z}`), id: region,
  }),
  "aws:iam/getPolicyDocument:getPolicyDocument": (inputs) => policyDocument(inputs),
};

export function mockInvoke(token: string, inputs: Record<string, unknown>, region: string): Record<string, unknown> {
  const f = INVOKES[token];
  if (!f) {
    throw new Error(`the e2e recorder has no mock for invoke ${token}; known: ${Object.keys(INVOKES).join(", ")}`);
  }
  return f(inputs, region);
}
