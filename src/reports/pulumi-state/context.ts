import type { Tags } from "../../core/classification";
import { isUnknown, type Val } from "../../core/value";
import type { ProviderInput } from "../../engine-client/analyzer-types";
import { rootStackUrn, type StateResourceInput } from "../../engine-client/state-file";
import type { Inventory } from "../../models/inventory";
import type { NetworkRef } from "../../models/network";
import type { ResourceRef } from "../../models/ref";

/** Where the document's resources live: URNs are `urn:pulumi:<stack>::<project>::<type>::<name>`. */
export interface PulumiStateOptions {
  readonly project: string;
  readonly stack: string;
  /** The default aws provider's region (the scan's home region). */
  readonly region: string;
}

/** A model the state cannot describe faithfully (a value the scan could not read), so it is left out. */
export class Unwritable extends Error {}

/** The value, or Unwritable when the scan could not read it: a state file holds known values only. */
export function known<T>(v: Val<T>, what: string): T {
  if (isUnknown(v)) throw new Unwritable(`${what} is not known (${v.reason}: ${v.detail})`);
  return v;
}

/** A model left out of the document, and why. */
export interface Omitted {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly reason: string;
}

/** One resource to write: its v7 properties are both its inputs and its outputs. */
export interface ResourceSpec {
  readonly type: string;
  /** The Pulumi resource name; made unique per type. */
  readonly name: string;
  /** The model it describes: findings on the resource are that model's. */
  readonly model: ResourceRef;
  /** The AWS id (`id` of the state resource and the `id` output). */
  readonly id: string;
  readonly props: Record<string, unknown>;
  /** Property -> model ids (or URNs) of the resources its value names; those written already become dependencies. */
  readonly refs?: Readonly<Record<string, readonly (string | undefined)[]>>;
  /** False for account-wide resources (IAM, the account's S3 block), which take no `region`. */
  readonly regional?: boolean;
}

const PROVIDER_TYPE = "pulumi:providers:aws";
/** A fixed provider id: the document is a pure function of the scan. */
const PROVIDER_ID = "00000000-0000-4000-8000-000000000000";

/**
 * Collects the resources of one document: mints unique URNs, keeps which model each resource was
 * written from (`origins`), turns model references into dependencies, and records what was left out.
 */
export class StateWriter {
  readonly resources: StateResourceInput[] = [];
  /** URN -> id of the model the resource was written from. */
  readonly origins = new Map<string, string>();
  readonly omitted: Omitted[] = [];
  readonly provider: ProviderInput;
  private readonly urnByModel = new Map<string, string>();
  private readonly taken = new Set<string>();
  /** Network model id -> AWS id, for every object of the graph (written or not), and back. */
  private readonly awsIds = new Map<string, string>();
  private readonly modelsByAwsId = new Map<string, string>();

  constructor(
    readonly options: PulumiStateOptions,
    readonly inventory: Inventory,
  ) {
    const { stack, project, region } = options;
    this.provider = { urn: `urn:pulumi:${stack}::${project}::${PROVIDER_TYPE}::default`, type: PROVIDER_TYPE, name: "default", properties: { region } };
    this.resources.push({ ...this.provider, id: PROVIDER_ID, custom: true, propertyDependencies: {}, dependencies: [] });
    const net = inventory.network;
    for (const list of net ? Object.values(net) : []) {
      for (const node of list as readonly { ref?: ResourceRef; awsId?: string }[]) {
        if (node.ref === undefined || node.awsId === undefined) continue;
        this.awsIds.set(node.ref.id, node.awsId);
        if (!this.modelsByAwsId.has(node.awsId)) this.modelsByAwsId.set(node.awsId, node.ref.id);
      }
    }
  }

  get rootUrn(): string {
    return rootStackUrn(this.options);
  }

  /** The URN written for a model (its main resource), if it was written; a network object may be named by its AWS id. */
  urnOf(modelId: string | undefined): string | undefined {
    if (modelId === undefined) return undefined;
    return this.urnByModel.get(modelId) ?? this.urnByModel.get(this.modelsByAwsId.get(modelId) ?? "");
  }

  /** The AWS id a network reference stands for: the object's id when it is in the graph, else the reference as the scan gave it. */
  awsIdOf(ref: NetworkRef): string {
    return this.awsIds.get(ref) ?? ref;
  }

  /** The tags the scan read for a model without tags of its own (network objects, principals). */
  tagsOf(modelId: string): Val<Tags | undefined> {
    return this.inventory.tags?.get(modelId);
  }

  /** Writes one resource; the first resource written for a model becomes the model's URN. */
  add(spec: ResourceSpec): string {
    const urn = this.mint(spec);
    const propertyDependencies: Record<string, string[]> = {};
    for (const [property, refs] of Object.entries(spec.refs ?? {})) {
      const urns = [...new Set(refs.map((r) => (r?.startsWith("urn:") ? r : this.urnOf(r))).filter((u): u is string => u !== undefined))];
      if (urns.length > 0) propertyDependencies[property] = urns;
    }
    const region = spec.regional === false || spec.model.region === undefined ? {} : { region: spec.model.region };
    const props = withoutUndefined({ ...spec.props, ...region, id: spec.id });
    this.resources.push({
      urn,
      type: spec.type,
      name: urn.slice(urn.lastIndexOf("::") + 2),
      custom: true,
      id: spec.id,
      properties: props,
      outputs: props,
      parent: this.rootUrn,
      provider: this.provider,
      propertyDependencies,
      dependencies: [...new Set(Object.values(propertyDependencies).flat())],
    });
    this.origins.set(urn, spec.model.id);
    if (!this.urnByModel.has(spec.model.id)) this.urnByModel.set(spec.model.id, urn);
    return urn;
  }

  /** Runs one model's writer; a model with a value the scan could not read is recorded as omitted instead. */
  write(model: ResourceRef, writeIt: () => void): void {
    const before = this.resources.length;
    try {
      writeIt();
    } catch (e) {
      if (!(e instanceof Unwritable)) throw e;
      for (const r of this.resources.splice(before)) {
        this.origins.delete(r.urn);
        this.taken.delete(`${r.type}::${r.name}`);
      }
      for (const [id, urn] of this.urnByModel) if (!this.origins.has(urn)) this.urnByModel.delete(id);
      this.omitted.push({ id: model.id, name: model.name, label: model.label, reason: e.message });
    }
  }

  private mint(spec: ResourceSpec): string {
    const base = spec.name.replaceAll("::", ":") || spec.id;
    const candidates = [base, ...(spec.model.region ? [`${base}@${spec.model.region}`] : [])];
    let name = candidates.find((c) => !this.taken.has(`${spec.type}::${c}`));
    for (let n = 2; name === undefined; n++) if (!this.taken.has(`${spec.type}::${base}#${n}`)) name = `${base}#${n}`;
    this.taken.add(`${spec.type}::${name}`);
    return `urn:pulumi:${this.options.stack}::${this.options.project}::${spec.type}::${name}`;
  }
}

/** The object without its undefined members, recursively (a state file has no undefined). */
export function withoutUndefined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v)
      ? v.map((x) => (isObject(x) ? withoutUndefined(x) : x))
      : isObject(v)
        ? withoutUndefined(v)
        : v;
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `tags` and `tagsAll` as the provider keeps them; nothing when the resource has no tags. */
export function tagProps(tags: Val<Tags | undefined>, what: string): Record<string, unknown> {
  const t = known(tags, `the tags of ${what}`);
  return t === undefined ? {} : { tags: { ...t }, tagsAll: { ...t } };
}
