import { isUnknown, unknown, type Val } from "../../../core/value";
import type { NetworkRef } from "../../../models/network";
import type { Props } from "../props";
import { typeOfUrn } from "../urn";
import { optStr, strList } from "./values";

const topOf = (path: string): string => path.split(".")[0] as string;

/**
 * Joins a property naming other network objects to their URNs. The property's dependencies
 * decide first (they exist in preview, when ids are unknown); a known value is matched to a
 * resource of the stack by its AWS id; anything else stays the value as configured.
 *
 * A direct property (`vpcId`) trusts its dependencies only when they are all of the expected
 * types; a nested one (`routes.0.gatewayId`) shares its dependencies with its siblings, so it
 * takes the single dependency of the expected types, if there is exactly one.
 */
export class References {
  constructor(private readonly urnByAwsId: ReadonlyMap<string, string> = new Map()) {}

  /** The URN of the stack's resource of one of `types` with that AWS id. */
  byAwsId(awsId: string, types: ReadonlySet<string>): string | undefined {
    const urn = this.urnByAwsId.get(awsId);
    return urn !== undefined && types.has(typeOfUrn(urn)) ? urn : undefined;
  }

  /** URNs of the property's dependencies whose type is one of `types`. */
  candidates(p: Props, path: string, types: ReadonlySet<string>): string[] {
    return p.dependenciesOf(topOf(path)).filter((u) => types.has(typeOfUrn(u)));
  }

  ref(p: Props, path: string, types: ReadonlySet<string>): Val<NetworkRef | undefined> {
    const value = optStr(p, path);
    const direct = topOf(path) === path;
    const all = p.dependenciesOf(topOf(path));
    const cands = this.candidates(p, path, types);
    if (typeof value === "string") {
      const urn = this.byAwsId(value, types);
      if (urn) return urn;
      return direct && cands.length === 1 ? (cands[0] as string) : value;
    }
    if (value === undefined || value.reason !== "preview") return value;
    if (cands.length === 1 && (!direct || all.length === 1)) return cands[0] as string;
    if (cands.length > 1) {
      return unknown("preview", `${path} of ${p.resource.name} comes from one of ${cands.length} resources and is not known until the update`);
    }
    return value;
  }

  /** A list of references; an unset list is empty. */
  refs(p: Props, path: string, types: ReadonlySet<string>): Val<readonly NetworkRef[]> {
    const list = strList(p, path);
    const direct = topOf(path) === path;
    const all = p.dependenciesOf(topOf(path));
    const cands = this.candidates(p, path, types);
    const trusted = cands.length > 0 && (!direct || cands.length === all.length);
    if (isUnknown(list)) return list.reason === "preview" && trusted ? cands : list;
    const known: string[] = [];
    let pending = 0;
    for (const e of list) {
      if (typeof e === "string") known.push(this.byAwsId(e, types) ?? e);
      else pending++;
    }
    if (pending === 0) return [...new Set(known)];
    if (!trusted) {
      return unknown("preview", `${pending} element(s) of ${path} of ${p.resource.name} are not known until the update`);
    }
    return [...new Set([...known, ...cands])];
  }
}

/** The AWS id a resource's known properties give: `id`, else the last part of an EC2 ARN. */
export function awsIdOf(p: Props): string | undefined {
  const id = p.str("id");
  if (typeof id === "string" && id !== "") return id;
  const arn = p.str("arn");
  if (typeof arn !== "string" || !arn.startsWith("arn:")) return undefined;
  const resource = arn.split(":").slice(5).join(":");
  return resource.split("/").pop() || undefined;
}

/** `{awsId}` when the resource's AWS id is known, to spread into a model. */
export function withAwsId(p: Props, fallback?: Val<string | undefined>): { awsId?: string } {
  const awsId = awsIdOf(p) ?? (typeof fallback === "string" && fallback !== "" ? fallback : undefined);
  return awsId === undefined ? {} : { awsId };
}
