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

  of(...types: readonly string[]): Props[] {
    return types.flatMap((t) => this.byType.get(t) ?? []);
  }
}
