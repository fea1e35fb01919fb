import { analyzeRequestFromWire, analyzeStackRequestFromWire, type ProtoClasses } from "./lazy-requests";
import { hookAddService, requireFromPolicyServer, type Service } from "./policy-server-hooks";
import { installDecodingHooks } from "./shared-deserialization";

/**
 * Has @pulumi/policy's server read Analyze and AnalyzeStack requests through lazy-requests.ts instead
 * of google-protobuf's classes: a 50,000-resource AnalyzeStack then needs a few hundred MB, not 1.7 GB.
 *
 * Only when the pack's decoder hook is in place (shared-deserialization.ts): secrets are tracked there,
 * and its other fallback (hooking google-protobuf's Struct) would not see these Structs. If the
 * protocol classes or the gRPC module cannot be found, requests are decoded as before.
 */
let installed: boolean | undefined;

type Deserialize = (bytes: Uint8Array) => unknown;
interface Method {
  requestDeserialize?: unknown;
}

export function installLazyRequestDecoding(): boolean {
  if (installed !== undefined) return installed;
  const classes = requireFromPolicyServer<Partial<ProtoClasses>>("@pulumi/pulumi/proto/analyzer_pb");
  if (installDecodingHooks() !== "decoder" || !classes?.AnalyzerResourceOptions || !classes.AnalyzerProviderResource) {
    return (installed = false);
  }
  const known = classes as ProtoClasses;
  installed = hookAddService((service, implementation) => ({
    service: {
      ...service,
      ...lazily(service, "analyzeStack", (bytes) => analyzeStackRequestFromWire(bytes, known)),
      ...lazily(service, "analyze", (bytes) => analyzeRequestFromWire(bytes, known)),
    },
    implementation,
  }));
  return installed;
}

function lazily(service: Service, method: string, decode: Deserialize): Service {
  const definition = service[method] as Method | undefined;
  if (typeof definition?.requestDeserialize !== "function") return {};
  return { [method]: { ...definition, requestDeserialize: decode } };
}
