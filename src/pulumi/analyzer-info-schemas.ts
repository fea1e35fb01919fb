import type { Policies, PolicyConfigSchema } from "@pulumi/policy";
import { ConfigSchemaEncoder, withConfigSchemas } from "./config-schema-wire";
import { hookAddService, policyServerGrpc, requireFromPolicyServer, type Implementation, type Service } from "./policy-server-hooks";

/**
 * GetAnalyzerInfo, the engine's first question to a pack, carries each policy's config schema. Every
 * policy of this pack takes the pack-wide settings, so the schemas add up to some 80 kB of JSON, and
 * @pulumi/policy turns each into google-protobuf Struct objects and serializes those, once per
 * process, in code that has not warmed up: about 50 ms, a twentieth of the pack's cold start.
 *
 * Here the policies go to @pulumi/policy without their schemas, and its GetAnalyzerInfo answer is
 * serialized and given each policy's PolicyConfigSchema as bytes encoded from the plain schemas, the
 * pack-wide part once (config-schema-wire.ts). The message is the one @pulumi/policy would send; a
 * test decodes both and compares them. If the protocol classes or the gRPC hook are missing, or a
 * schema names `enforcementLevel` (@pulumi/policy refuses that itself at start), the policies keep their
 * schemas and nothing changes. A policy served with a schema of its own keeps that one.
 */
type Callback = (error: unknown, response?: unknown) => void;
type Handler = (this: unknown, call: unknown, callback: Callback) => unknown;
interface Method {
  responseSerialize?: unknown;
}
type Policy = Policies[number];

/** Schemas by policy name, and the policies given to the pack without them. */
const encoded = new Map<string, Uint8Array>();
const stripped: { policy: Policy; schema: PolicyConfigSchema }[] = [];
let installed: boolean | undefined;

export function serveConfigSchemasAsBytes(policies: Policies): Policies {
  if (!install()) return policies;
  const schemas = policies.filter((p) => p.configSchema).map((p) => [p.name, p.configSchema as PolicyConfigSchema] as const);
  if (schemas.some(([, s]) => "enforcementLevel" in s.properties || s.required?.includes("enforcementLevel"))) return policies;
  const encoder = new ConfigSchemaEncoder();
  let bytes: (readonly [string, Uint8Array])[];
  try {
    bytes = schemas.map(([name, schema]) => [name, encoder.encode(schema, `of policy '${name}'`)] as const);
  } catch {
    return policies; // @pulumi/policy then reports the bad schema as it always has
  }
  for (const [name, b] of bytes) encoded.set(name, b);
  return policies.map((p) => {
    if (!p.configSchema) return p;
    const policy: Policy = { ...p, configSchema: undefined };
    stripped.push({ policy, schema: p.configSchema });
    return policy;
  });
}

function install(): boolean {
  if (installed !== undefined) return installed;
  const definitions = requireFromPolicyServer<{ AnalyzerService?: Record<string, Method | undefined> }>("@pulumi/pulumi/proto/analyzer_grpc_pb");
  const grpc = policyServerGrpc();
  if (!grpc || typeof definitions?.AnalyzerService?.getAnalyzerInfo?.responseSerialize !== "function") return (installed = false);
  installed = hookAddService((service, implementation) => {
    const answered = answerWithSchemas(service, implementation, grpc.status.INTERNAL);
    if (answered) return answered;
    for (const { policy, schema } of stripped) policy.configSchema = schema;
    return { service, implementation };
  });
  return installed;
}

function answerWithSchemas(service: Service, implementation: Implementation, internal: number): { service: Service; implementation: Implementation } | undefined {
  const method = service.getAnalyzerInfo as Method | undefined;
  const original = implementation.getAnalyzerInfo as Handler | undefined;
  const serialize = method?.responseSerialize as ((value: unknown) => Buffer) | undefined;
  if (!method || typeof serialize !== "function" || typeof original !== "function") return undefined;
  const bytesOrMessage = (value: unknown): Buffer =>
    value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : serialize(value);
  const getAnalyzerInfo: Handler = function (this: unknown, call, callback) {
    return original.call(this, call, (error, info) => {
      if (error || info === undefined) return callback(error, info);
      try {
        callback(null, withConfigSchemas(serialize(info), encoded));
      } catch (e) {
        callback({ code: internal, details: `customer-data-guard could not add the policies' config schemas: ${e instanceof Error ? e.message : String(e)}` });
      }
    });
  };
  return {
    service: { ...service, getAnalyzerInfo: { ...method, responseSerialize: bytesOrMessage } },
    implementation: { ...implementation, getAnalyzerInfo },
  };
}
