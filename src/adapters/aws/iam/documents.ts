import { unknown, type Val } from "../../../core/value";

/**
 * A policy document as GetAccountAuthorizationDetails gives it: URL-encoded JSON (RFC 3986),
 * kept as JSON text for the analyzer. Text that is JSON already (moto sends trust policies so) is
 * kept as it is.
 */
export function decodedDocument(raw: string | undefined, what: string): Val<unknown> {
  if (raw === undefined || raw === "") return unknown("error", `${what} is missing from the IAM answer`);
  if (raw.trimStart().startsWith("{")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return unknown("error", `${what} is neither JSON nor URL-encoded JSON`);
  }
}
