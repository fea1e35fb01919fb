// Runs one Pulumi program under @pulumi/pulumi's mocks in a fresh process (started by record.ts) and
// sends the captured registrations back over IPC.
//
// Like the language host, it runs the program inside `runInPulumiStack`, so the root stack resource
// exists and parents top-level resources. What the mocks do not do is done at the monitor:
// - URNs: MockMonitor.newUrn keeps the root stack's type in children's URNs; the engine leaves it out
//   (Deployment.generateURN), so newUrn is replaced with the engine's rule;
// - the provider's Check: a registration's inputs get the names the provider would fill in
//   (record-provider.ts, checkedInputs) before the mocks see them, so the program, Analyze and the
//   outputs all see the checked inputs, as with the engine;
// - property dependencies: `newResource` never sees them, so registerResource/readResource are wrapped
//   to read them (and the other options) from the request itself, and the response (the outputs and the
//   id) is kept with them; registerResourceOutputs is wrapped to keep a component's (and the root
//   stack's) outputs.
import { createRequire } from "node:module";
import type * as PulumiModule from "@pulumi/pulumi";
import type {
  ReadResourceRequest, ReadResourceResponse, RegisterResourceOutputsRequest, RegisterResourceRequest, RegisterResourceResponse,
} from "@pulumi/pulumi/proto/resource_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { durationSeconds, type Registration } from "./record-encode";
import { mockInvoke } from "./record-invokes";
import { checkedInputs, mockCreate } from "./record-provider";
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
interface MockMonitorLike {
  newUrn(parent: string, type: string, name: string): string;
  registerResource(req: RegisterResourceRequest, cb: Callback<RegisterResourceResponse>): void;
  readResource(req: ReadResourceRequest, cb: Callback<ReadResourceResponse>): void;
  registerResourceOutputs(req: RegisterResourceOutputsRequest, cb: Callback<unknown>): void;
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

function fromRegister(req: RegisterResourceRequest, resp: RegisterResourceResponse, r: ChildRequest): Registration {
  const urn = resp.getUrn();
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((deps, key) => {
    propertyDependencies[key] = deps.getUrnsList();
  });
  const timeouts = req.getCustomtimeouts();
  const reg: Registration = {
    urn, type: req.getType(), name: req.getName(), custom: req.getCustom(), external: false,
    parent: req.getParent(), inputs: req.getObject()?.toJavaScript() ?? {},
    outputs: resp.getObject()?.toJavaScript() ?? {}, id: resp.getId(),
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

function fromRead(req: ReadResourceRequest, resp: ReadResourceResponse): Registration {
  return {
    urn: resp.getUrn(), type: req.getType(), name: req.getName(), custom: true, external: true,
    parent: req.getParent(), inputs: req.getProperties()?.toJavaScript() ?? {},
    outputs: resp.getProperties()?.toJavaScript() ?? {}, id: req.getId(),
    dependencies: req.getDependenciesList(), propertyDependencies: {},
    providerRef: req.getProvider(), version: req.getVersion(),
    protect: false, ignoreChanges: [], additionalSecretOutputs: req.getAdditionalsecretoutputsList(), aliases: [],
    customTimeouts: { create: 0, update: 0, delete: 0 },
  };
}

/** The provider's Check, applied to the request the mocks (and the recorder) then see. */
function check(req: RegisterResourceRequest, r: ChildRequest): void {
  if (!req.getCustom() || req.getType().startsWith("pulumi:providers:")) return;
  const inputs = (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
  const checked = checkedInputs(req.getType(), urnOf(r, req.getType(), req.getName(), req.getParent() || undefined), inputs);
  if (checked !== inputs) req.setObject(Struct.fromJavaScript(checked as Parameters<typeof Struct.fromJavaScript>[0]));
}

/** Captures registrations; a component's outputs (registerResourceOutputs) land in `outputs` by URN. */
function instrument(monitor: MockMonitorLike, r: ChildRequest, captured: Registration[], outputs: Map<string, Record<string, unknown>>): void {
  monitor.newUrn = (parent, type, name) => urnOf(r, type, name, parent || undefined);
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) => {
    try {
      check(req, r);
    } catch (e) {
      cb(e as Error);
      return;
    }
    register(req, (err, resp) => {
      if (!err && resp) captured.push(fromRegister(req, resp, r));
      cb(err, resp);
    });
  };
  const read = monitor.readResource.bind(monitor);
  monitor.readResource = (req, cb) => read(req, (err, resp) => {
    if (!err && resp) captured.push(fromRead(req, resp));
    cb(err, resp);
  });
  const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResourceOutputs = (req, cb) => registerOutputs(req, (err, resp) => {
    if (!err) outputs.set(req.getUrn(), (req.getOutputs()?.toJavaScript() ?? {}) as Record<string, unknown>);
    cb(err, resp);
  });
}

/** The mocked provider (record-provider.ts): ids and ARNs known with every value known, unknown in preview. */
function mocks(r: ChildRequest): PulumiModule.runtime.Mocks {
  return {
    newResource: (args) => mockCreate(
      { type: args.type, name: args.name, custom: args.custom ?? true, inputs: args.inputs as Record<string, unknown>, id: args.id },
      { preview: r.preview, region: r.region },
    ),
    call: (args) => mockInvoke(args.token, args.inputs as Record<string, unknown>, r.region),
  };
}

async function record(r: ChildRequest): Promise<Registration[]> {
  const load = createRequire(r.program);
  const pulumi = load("@pulumi/pulumi") as typeof PulumiModule;
  const settings = load("@pulumi/pulumi/runtime/settings") as { getMonitor(): unknown; waitForRPCs(): Promise<void> };
  await pulumi.runtime.setMocks(mocks(r), r.project, r.stack, r.preview, r.organization || undefined);
  const captured: Registration[] = [];
  const componentOutputs = new Map<string, Record<string, unknown>>();
  instrument(settings.getMonitor() as MockMonitorLike, r, captured, componentOutputs);
  await pulumi.runtime.runInPulumiStack(async () => {
    const exported: unknown = load(r.program);
    return exported instanceof Function ? await (exported as () => unknown)() : await exported;
  });
  await settings.waitForRPCs();
  if (pulumi.log.hasErrors()) throw new Error("the program logged errors (see stderr)");
  for (const reg of captured) {
    if (!reg.custom) reg.outputs = componentOutputs.get(reg.urn) ?? {};
  }
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
