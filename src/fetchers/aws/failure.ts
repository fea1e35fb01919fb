import { boundValue } from "../../core/bounded-text";
import type { CallFailure } from "./fetched";
import type { AwsService } from "./services";

const DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "AuthorizationError",
  "AuthorizationErrorException",
  "Forbidden",
]);
const THROTTLED = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ProvisionedThroughputExceededException",
  "LimitExceededException",
]);
const TIMED_OUT = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException", "AbortError"]);
const TIMED_OUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT", "ECONNABORTED"]);
/** The endpoint does not exist: the service is not offered in the region. */
const NO_ENDPOINT_CODES = new Set(["ENOTFOUND", "EAI_AGAIN"]);
const UNAVAILABLE = new Set(["OptInRequired", "UnrecognizedClientException", "InvalidClientTokenId", "AuthFailure"]);

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/** Turns whatever an SDK call threw into the reason a value is not known. */
export function callFailure(error: unknown, service: AwsService, action: string, region: string): CallFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as ErrorLike;
  const name = typeof e.name === "string" ? e.name : "Error";
  const code = typeof e.code === "string" ? e.code : undefined;
  const status = e.$metadata?.httpStatusCode;
  const message = readableMessage(typeof e.message === "string" ? e.message : String(error), status);
  const detail = boundValue(`${name}${code && code !== name ? ` (${code})` : ""}: ${message}`, 240);
  return { reason: reasonOf(name, code, status), service, action, region, detail };
}

function reasonOf(name: string, code: string | undefined, status: number | undefined): CallFailure["reason"] {
  if (DENIED.has(name) || status === 403) return "access-denied";
  if (THROTTLED.has(name) || status === 429) return "throttled";
  if (TIMED_OUT.has(name) || (code !== undefined && TIMED_OUT_CODES.has(code))) return "timeout";
  if (UNAVAILABLE.has(name) || (code !== undefined && NO_ENDPOINT_CODES.has(code))) return "unavailable";
  return "error";
}

/**
 * The SDK's message for an answer it could not parse (an emulator's HTML page, a proxy's error)
 * ends with advice about hidden fields: keep the parse error, say the HTTP status instead.
 */
function readableMessage(message: string, status: number | undefined): string {
  if (!message.includes("Deserialization error")) return message;
  const cause = message.split("\n").filter((l) => l.trim() !== "" && !l.includes("Deserialization error")).join(" ");
  return `HTTP ${status ?? "?"} answer the SDK could not read (${cause.trim()})`;
}
