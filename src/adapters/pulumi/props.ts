import type { Tags } from "../../core/classification";
import { boundValue } from "../../core/bounded-text";
import { typeName } from "../../core/config";
import { isUnknown, unknown, type Unknown, type Val } from "../../core/value";
import { isUnknownSentinel, type EngineResource } from "./engine-resource";

/**
 * Reads a resource's properties by path ("a.b.0.c") into `Val`s: a computed value becomes
 * Unknown("preview"), a value of the wrong shape becomes Unknown("error") naming the path and
 * what was found. Never throws, and never puts a property's value into a message: a message names the
 * path (bounded: a path may hold a map's key, such as a tag key) and the kind of value found.
 */
export class Props {
  constructor(readonly resource: EngineResource) {}

  get(path: string): Val<unknown> {
    // Walked by index rather than split into segments: every adapter reads through here, many times per resource.
    let cur: unknown = this.resource.props;
    let start = 0;
    for (;;) {
      if (isUnknownSentinel(cur)) return this.computed(start === 0 ? "" : path.slice(0, start - 1), firstSegment(path));
      if (cur === undefined || cur === null) return undefined;
      const dot = path.indexOf(".", start);
      const key = dot === -1 ? path.slice(start) : path.slice(start, dot);
      if (isIndex(key)) {
        if (!Array.isArray(cur)) return this.malformed(start === 0 ? "" : path.slice(0, start - 1), "a list", cur);
        cur = cur[Number(key)];
      } else {
        if (typeof cur !== "object" || Array.isArray(cur)) {
          return this.malformed(start === 0 ? "" : path.slice(0, start - 1), "an object", cur);
        }
        cur = (cur as Record<string, unknown>)[key];
      }
      if (dot === -1) break;
      start = dot + 1;
    }
    return isUnknownSentinel(cur) ? this.computed(path, firstSegment(path)) : cur;
  }

  bool(path: string): Val<boolean | undefined> {
    const v = this.get(path);
    if (isUnknown(v) || v === undefined || v === null) return v ?? undefined;
    return typeof v === "boolean" ? v : this.malformed(path, "true or false", v);
  }

  str(path: string): Val<string | undefined> {
    const v = this.get(path);
    if (isUnknown(v) || v === undefined || v === null) return v ?? undefined;
    return typeof v === "string" ? v : this.malformed(path, "a string", v);
  }

  num(path: string): Val<number | undefined> {
    const v = this.get(path);
    if (isUnknown(v) || v === undefined || v === null) return v ?? undefined;
    return typeof v === "number" && Number.isFinite(v) ? v : this.malformed(path, "a number", v);
  }

  /** An object, or the first element of a one-element list (provider versions differ on this). */
  obj(path: string): Val<Record<string, unknown> | undefined> {
    const v = this.get(path);
    if (isUnknown(v) || v === undefined || v === null) return v ?? undefined;
    if (Array.isArray(v)) return v.length === 0 ? undefined : this.obj(`${path}.0`);
    return typeof v === "object" ? (v as Record<string, unknown>) : this.malformed(path, "an object", v);
  }

  /** Length of a list property (a single object counts as a list of one). */
  count(path: string): Val<number> {
    const v = this.get(path);
    if (isUnknown(v)) return v;
    if (v === undefined || v === null) return 0;
    if (Array.isArray(v)) return v.length;
    return typeof v === "object" ? 1 : this.malformed(path, "a list or an object", v);
  }

  /** Path of the i-th element of a property that may be a list or a single object. */
  itemPath(path: string, i: number): string {
    return Array.isArray(this.get(path)) ? `${path}.${i}` : path;
  }

  /** Resource tags; provider-neutral for `tags` maps and aws-native `[{key, value}]` lists. */
  tags(path = "tags"): Val<Tags | undefined> {
    const v = this.get(path);
    if (isUnknown(v) || v === undefined || v === null) return v ?? undefined;
    const out: Record<string, string> = {};
    if (Array.isArray(v)) {
      for (const [i, t] of v.entries()) {
        const key = this.str(`${path}.${i}.key`);
        const value = this.str(`${path}.${i}.value`);
        if (isUnknown(key)) return key;
        if (isUnknown(value)) return value;
        if (key !== undefined) out[key] = value ?? "";
        else if (typeof t !== "object") return this.malformed(`${path}.${i}`, "a {key, value} object", t);
      }
      return out;
    }
    if (typeof v !== "object") return this.malformed(path, "a map of strings", v);
    for (const k of Object.keys(v)) {
      const value = this.str(`${path}.${k}`);
      if (isUnknown(value)) return value;
      if (value !== undefined) out[k] = value;
    }
    return out;
  }

  /**
   * A top-level string only the provider sets (an ARN). In planned state `get` takes an unknown that no
   * resource feeds for a provider default, "not set"; this one stays unknown until the resource exists.
   */
  providerOutput(property: string): Val<string | undefined> {
    return isUnknownSentinel(this.resource.props[property]) ? this.computedNow(property) : this.str(property);
  }

  /** URNs the property's value came from. */
  dependenciesOf(property: string): readonly string[] {
    return this.resource.propertyDependencies[property] ?? [];
  }

  /** An unknown value; in planned state, one no resource feeds is a provider default: not set. */
  private computed(path: string, property: string): Unknown | undefined {
    if (this.resource.plannedState && path !== "" && this.dependenciesOf(property).length === 0) return undefined;
    return this.computedNow(path);
  }

  private computedNow(path: string): Unknown {
    return unknown("preview", `${path ? boundValue(path) : "the properties"} of ${this.resource.name} is computed during the update`);
  }

  private malformed(path: string, expected: string, got: unknown): Unknown {
    return unknown("error", `property '${boundValue(path)}' of ${this.resource.name} should be ${expected}, got ${typeName(got)}`);
  }
}

const firstSegment = (path: string): string => {
  const dot = path.indexOf(".");
  return dot === -1 ? path : path.slice(0, dot);
};

/** `/^\d+$/` without a regular expression: a list index among a path's segments. */
function isIndex(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
