import { createRequire } from "node:module";

/**
 * @pulumi/policy's server offers no hooks; the pack's additions to it (a Configure that checks the
 * configuration, requests read from their bytes on demand) go in where the server hands its service to
 * gRPC: `Server.prototype.addService` of the gRPC module that server loads. Each hook may change the
 * service definition and the handlers; hooks chain. If the module cannot be found, nothing is hooked
 * and the caller says so.
 */
export type Service = Record<string, unknown>;
export type Implementation = Record<string, unknown>;
export type ServiceHook = (service: Service, implementation: Implementation) => { service: Service; implementation: Implementation };

export interface GrpcModule {
  Server: { prototype: { addService(service: unknown, implementation: Implementation): void } };
  status: { INVALID_ARGUMENT: number; INTERNAL: number };
}

/** The module @pulumi/policy's server resolves a name to (its own copy of gRPC, of the protocol classes). */
export function requireFromPolicyServer<T>(name: string): T | undefined {
  try {
    return createRequire(require.resolve("@pulumi/policy/server"))(name) as T;
  } catch {
    return undefined;
  }
}

export function policyServerGrpc(): GrpcModule | undefined {
  return requireFromPolicyServer<GrpcModule>("@grpc/grpc-js");
}

export function hookAddService(hook: ServiceHook): boolean {
  const proto = policyServerGrpc()?.Server.prototype;
  if (!proto || typeof proto.addService !== "function") return false;
  const addService = proto.addService;
  proto.addService = function (this: unknown, service: unknown, implementation: Implementation) {
    if (typeof service !== "object" || service === null || typeof implementation !== "object" || implementation === null) {
      return addService.call(this, service, implementation);
    }
    const hooked = hook(service as Service, implementation);
    return addService.call(this, hooked.service, hooked.implementation);
  };
  return true;
}
