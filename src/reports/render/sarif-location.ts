import type { Location } from "sarif";
import type { ReportResource } from "../report";

// RFC 3986 path characters (unreserved, sub-delims, ":" and "@") and the segment separator; everything
// else, "%" included, is percent-encoded as UTF-8.
const PATH_CHARACTER = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/;

function percentEncoded(character: string): string {
  return [...Buffer.from(character, "utf8")].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

/**
 * A relative URI reference naming the resource, `resources/<ARN or URN>`. GitHub code scanning rejects a
 * whole file in which any result's location lacks a physicalLocation, and reads relative URIs against the
 * repository root; a cloud resource is no file, so its "artifact" is this stable pseudo-path (the prefix
 * keeps the ARN's colon out of the first segment, where it would read as a URI scheme).
 */
export function resourceArtifactUri(resourceId: string): string {
  let path = "";
  for (const character of resourceId) path += PATH_CHARACTER.test(character) ? character : percentEncoded(character);
  return `resources/${path}`;
}

/** Where a finding is: the pseudo-file above, and the resource's ARN or URN as a logical location. */
export function resourceLocation(resource: ReportResource): Location {
  return {
    physicalLocation: { artifactLocation: { uri: resourceArtifactUri(resource.id) } },
    logicalLocations: [{ name: resource.name, fullyQualifiedName: resource.id, kind: "resource" }],
  };
}
