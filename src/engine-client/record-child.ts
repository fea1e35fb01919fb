// Runs one Pulumi program under @pulumi/pulumi's mocks in a fresh process (started by record.ts) and
// sends the captured registrations back over IPC.
//
// Like the language host, it runs the program inside `runInPulumiStack`, so the root stack resource
// exists and parents top-level resources. Two things the mocks do not do are fixed at the monitor:
// - URNs: MockMonitor.newUrn keeps the root stack's type in children's URNs; the engine leaves it out
//   (Deployment.generateURN), so newUrn is replaced with the engine's rule;
// - property dependencies: `newResource` never sees them, so registerResource/readResource are wrapped
//   to read them (and the other options) from the request itself.
import { createRequire } from "node:module";
import type * as PulumiModule from "@pulumi/pulumi";
import type { ReadResourceRequest, RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import { durationSeconds, type Registration } from "./record-encode";
import { mockInvoke } from "./record-invokes";
import { urnOf } from "./resource-builder";

export interface ChildRequest {
  program: string;
  project: string;
  stack: string;
  organization: string;
  preview: boolean;
  region: string;
}

export type ChildMessage = { ok: true; registrations: Registration[] } | { ok: false; error: string };

type Callback<T> = (err: Error | null, resp?: T) => void;
interface UrnResponse {
  getUrn(): string;
}
interface MockMonitorLike {
  newUrn(parent: string, type: string, name: string): string;
  registerResource(req: RegisterResourceRequest, cb: Callback<UrnResponse>): void;
  readResource(req: ReadResourceRequest, cb: Callback<UrnResponse>): void;
}

function aliasUrns(req: RegisterResourceRequest, r: ChildRequest): string[] {
  const urns = [...req.getAliasurnsList()];
  for (const a of req.getAliasesList()) {
    const spec = a.getSpec();
    if (!spec) {
      urns.push(a.getUrn());
      continue;
    }
    const parent = spec.getNoparent() ? undefined : spec.getParenturn() || req.getParent() || undefined;
    const s = { project: spec.getProject() || r.project, stack: spec.getStack() || r.stack };
    urns.push(urnOf(s, spec.getType() || req.getType(), spec.getName() || req.getName(), parent));
  }
  return urns;
}

function fromRegister(req: RegisterResourceRequest, urn: string, r: ChildRequest): Registration {
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((deps, key) => {
    propertyDependencies[key] = deps.getUrnsList();
  });
  const timeouts = req.getCustomtimeouts();
  const reg: Registration = {
    urn, type: req.getType(), name: req.getName(), custom: req.getCustom(), external: false,
    parent: req.getParent(), inputs: req.getObject()?.toJavaScript() ?? {},
    dependencies: req.getDependenciesList(), propertyDependencies,
    providerRef: req.getProvider(), version: req.getVersion(),
    protect: req.getProtect() ?? false, ignoreChanges: req.getIgnorechangesList(),
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(), aliases: aliasUrns(req, r),
    customTimeouts: {
      create: durationSeconds(timeouts?.getCreate() ?? ""),
      update: durationSeconds(timeouts?.getUpdate() ?? ""),
      delete: durationSeconds(timeouts?.getDelete() ?? ""),
    },
  };
  if (req.getDeletebeforereplacedefined()) reg.deleteBeforeReplace = req.getDeletebeforereplace();
  return reg;
}

function fromRead(req: ReadResourceRequest, urn: string): Registration {
  return {
    urn, type: req.getType(), name: req.getName(), custom: true, external: true,
    parent: req.getParent(), inputs: req.getProperties()?.toJavaScript() ?? {},
    dependencies: req.getDependenciesList(), propertyDependencies: {},
    providerRef: req.getProvider(), version: req.getVersion(),
    protect: false, ignoreChanges: [], additionalSecretOutputs: req.getAdditionalsecretoutputsList(), aliases: [],
    customTimeouts: { create: 0, update: 0, delete: 0 },
  };
}

function instrument(monitor: MockMonitorLike, r: ChildRequest, captured: Registration[]): void {
  monitor.newUrn = (parent, type, name) => urnOf(r, type, name, parent || undefined);
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) => register(req, (err, resp) => {
    if (!err && resp) captured.push(fromRegister(req, resp.getUrn(), r));
    cb(err, resp);
  });
  const read = monitor.readResource.bind(monitor);
  monitor.readResource = (req, cb) => read(req, (err, resp) => {
    if (!err && resp) captured.push(fromRead(req, resp.getUrn()));
    cb(err, resp);
  });
}

/** In preview the mock returns the inputs only, so ids and computed outputs stay unknown. */
function mocks(r: ChildRequest): PulumiModule.runtime.Mocks {
  return {
    newResource: (args) => {
      if (r.preview) return { id: undefined, state: args.inputs };
      const state: Record<string, unknown> = { ...args.inputs };
      const [pkg, mod] = args.type.split(":");
      if (pkg === "aws" && state.arn === undefined) {
        state.arn = `arn:aws:${(mod ?? "").split("/")[0]}:${r.region}:123456789012:${args.name}`;
      }
      return { id: `${args.name}-id`, state };
    },
    call: (args) => mockInvoke(args.token, args.inputs as Record<string, unknown>, r.region),
  };
}

async function record(r: ChildRequest): Promise<Registration[]> {
  const load = createRequire(r.program);
  const pulumi = load("@pulumi/pulumi") as typeof PulumiModule;
  const settings = load("@pulumi/pulumi/runtime/settings") as { getMonitor(): unknown; waitForRPCs(): Promise<void> };
  await pulumi.runtime.setMocks(mocks(r), r.project, r.stack, r.preview, r.organization || undefined);
  const captured: Registration[] = [];
  instrument(settings.getMonitor() as MockMonitorLike, r, captured);
  await pulumi.runtime.runInPulumiStack(async () => {
    const exported: unknown = load(r.program);
    return exported instanceof Function ? await (exported as () => unknown)() : await exported;
  });
  await settings.waitForRPCs();
  if (pulumi.log.hasErrors()) throw new Error("the program logged errors (see stderr)");
  return captured;
}

function send(message: ChildMessage): void {
  if (!process.send) throw new Error("record-child must be started with an IPC channel");
  process.send(message, () => process.exit(message.ok ? 0 : 1));
}

const fail = (e: unknown): void => send({ ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) });
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
record(JSON.parse(process.env.CDG_RECORD_REQUEST ?? "null") as ChildRequest).then(
  (registrations) => send({ ok: true, registrations }),
  fail,
);
