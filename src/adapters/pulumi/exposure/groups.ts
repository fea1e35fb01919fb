import type { EngineResource } from "../engine-resource";
import { Props } from "../props";

/** The view's resources of the types read here, grouped by type. */
export class Groups {
  private readonly byType = new Map<string, Props[]>();

  constructor(resources: readonly EngineResource[], wanted: ReadonlySet<string>) {
    for (const r of resources) {
      if (!wanted.has(r.type)) continue;
      const list = this.byType.get(r.type);
      if (list) list.push(new Props(r));
      else this.byType.set(r.type, [new Props(r)]);
    }
  }

  /** A new list each call (callers may keep it); asked many times per view, mostly of types it does not hold. */
  of(...types: readonly string[]): Props[] {
    const out: Props[] = [];
    if (this.byType.size === 0) return out;
    for (const t of types) {
      const list = this.byType.get(t);
      if (list) for (const p of list) out.push(p);
    }
    return out;
  }
}
