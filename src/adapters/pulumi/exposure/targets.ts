import type { Tags } from "../../../core/classification";
import { unknown, type Val } from "../../../core/value";
import type { ResourceRef } from "../../../models/ref";
import type { EngineResource } from "../engine-resource";
import { optStr } from "../network/values";
import { Props } from "../props";
import { typeOfUrn } from "../urn";
import { GOVERNED_LABELS, SOURCE_TYPES, TARGET_TYPES } from "./types";

/**
 * Joins a property naming a store, key, snapshot or image to that resource's URN: by the
 * property's dependencies first (they exist in preview), else by a known name, id, ARN or URL
 * of a resource of the stack. Anything else stays the value as configured.
 */
export class TargetIndex {
  private readonly byValue = new Map<string, string[]>();
  private readonly present = new Set<string>();
  private readonly governedByUrn = new Map<string, { ref: ResourceRef; tags: Val<Tags | undefined> }>();

  constructor(resources: readonly EngineResource[]) {
    for (const r of resources) {
      const keys = TARGET_TYPES.get(r.type)?.keys ?? SOURCE_TYPES.get(r.type);
      if (!keys) continue;
      this.present.add(r.urn);
      const p = new Props(r);
      const label = GOVERNED_LABELS.get(r.type);
      if (label !== undefined) this.governedByUrn.set(r.urn, { ref: { id: r.urn, type: r.type, name: r.name, label }, tags: p.tags() });
      for (const key of keys) {
        const v = optStr(p, key);
        if (typeof v !== "string") continue;
        const list = this.byValue.get(v);
        if (list) list.push(r.urn);
        else this.byValue.set(v, [r.urn]);
      }
    }
  }

  /** A resource of the view governed by a resource policy without a store or key model (a function, a repository...). */
  governed(urn: Val<string | undefined>): { ref: ResourceRef; tags: Val<Tags | undefined> } | undefined {
    return typeof urn === "string" ? this.governedByUrn.get(urn) : undefined;
  }

  /** Whether the URN is a resource of the view (a one-resource view holds only itself). */
  has(urn: string): boolean {
    return this.present.has(urn);
  }

  /** The URN the property names, the value as configured, Unknown, or undefined when unset. */
  resolve(p: Props, path: string, types: ReadonlySet<string>): Val<string | undefined> {
    const deps = p.dependenciesOf(path.split(".")[0] as string).filter((u) => types.has(typeOfUrn(u)));
    if (deps.length === 1) return deps[0] as string;
    const value = optStr(p, path);
    if (typeof value === "string") {
      const match = this.byValue.get(value)?.find((u) => types.has(typeOfUrn(u)));
      return match ?? value;
    }
    if (deps.length > 1) {
      return unknown("preview", `${path} of ${p.resource.name} comes from one of ${deps.length} resources and is not known until the update`);
    }
    return value;
  }

  /** Like `resolve`, but only a URN of a resource of the view counts. */
  joined(p: Props, path: string, types: ReadonlySet<string>): string | undefined {
    const v = this.resolve(p, path, types);
    return typeof v === "string" && this.present.has(v) ? v : undefined;
  }
}
