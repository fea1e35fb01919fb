// A fault-injecting HTTP proxy for AWS SDK v3 clients talking to moto.
//
// Point a client at it with `endpoint: proxy.endpoint`; it identifies each request's AWS service
// (SigV4 credential scope) and action, then either answers with an injected error shaped like the
// real service's protocol would shape it, or forwards the request verbatim (Host header included,
// so moto's SigV4 checks still pass when IAM auth is enabled) to the moto endpoint.
//
// Service names are SigV4 signing names: "monitoring" (CloudWatch), "es" (OpenSearch),
// "elasticfilesystem" (EFS), "logs", "secretsmanager", ... Fault options also accept the aliases
// in SERVICE_ALIASES; stats() and requests() always report signing names.
import { randomBytes } from "node:crypto";
import * as http from "node:http";
import { random } from "../../bench/generate-resources";

export type Protocol = "query" | "ec2" | "json" | "rest-json" | "rest-xml-s3" | "rpc-v2-cbor";
export type FaultKind = "throttle" | "accessDenied" | "serverError";

export interface Faults {
  /** Each matching request is throttled with probability `share` (seeded PRNG, decided per request, so retries can pass). */
  throttle?: { share: number; services?: string[] };
  /** Services whose every request is denied (403 AccessDenied / AccessDeniedException / UnauthorizedOperation). */
  accessDenied?: string[];
  /** Services whose every request fails with HTTP 500 InternalError. */
  serverError?: string[];
  /** Requests to these services are held `ms` before being answered or forwarded. */
  delayMs?: { services: string[]; ms: number };
}

export interface FaultProxyOptions extends Faults {
  /** The moto endpoint, e.g. server.endpoint. Must be a loopback http:// URL. */
  target: string;
  /** Seed of the throttling PRNG. Default 1. */
  seed?: number;
}

export interface ServiceStats {
  requests: number;
  forwarded: number;
  throttled: number;
  accessDenied: number;
  serverError: number;
  delayed: number;
  /** Upstream (moto) connection failures answered with 502. */
  proxyErrors: number;
}

export interface ProxiedRequest {
  service: string;
  /** Operation name for RPC protocols (e.g. "ListUsers", "DescribeKey"); "METHOD /path" for REST protocols. */
  action: string;
  protocol: Protocol;
  fault?: FaultKind;
}

export interface FaultProxy {
  endpoint: string;
  port: number;
  /** Per-service counters, keyed by signing name. A fresh copy. */
  stats(): Record<string, ServiceStats>;
  /** Every request seen, in arrival order. A fresh copy. */
  requests(): ProxiedRequest[];
  /** Replaces the fault configuration (the PRNG keeps its state). */
  setFaults(faults: Faults): void;
  resetStats(): void;
  close(): Promise<void>;
}

/** Friendly names accepted in fault options, mapped to SigV4 signing names. */
export const SERVICE_ALIASES: Readonly<Record<string, string>> = {
  cloudwatch: "monitoring",
  opensearch: "es",
  efs: "elasticfilesystem",
  "cloudwatch-logs": "logs",
  "secrets-manager": "secretsmanager",
  msk: "kafka",
};

const canonical = (service: string): string => SERVICE_ALIASES[service.toLowerCase()] ?? service.toLowerCase();

/** Signing names of services speaking awsQuery (XML errors in <ErrorResponse>). */
const QUERY_SERVICES = new Set(["iam", "sts", "rds", "elasticache", "redshift", "sns", "sqs", "monitoring"]);

/** The benchmarks' seeded PRNG (mulberry32): small, fast, deterministic. */
export const mulberry32 = random;

function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

interface Identified {
  service: string;
  action: string;
  protocol: Protocol;
  /** SQS over JSON is awsQueryCompatible: the SDK takes the error code from x-amzn-query-error. */
  queryCompatible: boolean;
}

export function identify(method: string, url: string, headers: http.IncomingHttpHeaders, body: Buffer): Identified {
  const h = (name: string): string | undefined => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const parsed = new URL(url, "http://proxy.invalid");
  const credential = /Credential=([^,\s]+)/.exec(h("authorization") ?? "")?.[1] ?? parsed.searchParams.get("X-Amz-Credential") ?? "";
  // AKID/DATE/REGION/SERVICE/aws4_request
  const service = (credential.split("/")[3] ?? "unknown").toLowerCase() || "unknown";
  const target = h("x-amz-target");
  const contentType = (h("content-type") ?? "").toLowerCase();
  const queryCompatible = h("x-amzn-query-mode") === "true" || (target ?? "").startsWith("AmazonSQS.");

  if (service === "s3" || service === "s3express") {
    return { service, action: `${method} ${parsed.pathname}`, protocol: "rest-xml-s3", queryCompatible: false };
  }
  if ((h("smithy-protocol") ?? "").toLowerCase() === "rpc-v2-cbor") {
    const op = /\/operation\/([^/?]+)/.exec(parsed.pathname)?.[1] ?? parsed.pathname;
    return { service, action: op, protocol: "rpc-v2-cbor", queryCompatible };
  }
  if (target !== undefined) {
    return { service, action: target.slice(target.lastIndexOf(".") + 1), protocol: "json", queryCompatible };
  }
  const formAction = contentType.includes("application/x-www-form-urlencoded")
    ? new URLSearchParams(body.toString("utf8")).get("Action")
    : null;
  const queryAction = formAction ?? parsed.searchParams.get("Action");
  if (service === "ec2") return { service, action: queryAction ?? "unknown", protocol: "ec2", queryCompatible: false };
  if (queryAction !== null || QUERY_SERVICES.has(service)) {
    return { service, action: queryAction ?? "unknown", protocol: "query", queryCompatible: false };
  }
  return { service, action: `${method} ${parsed.pathname}`, protocol: "rest-json", queryCompatible: false };
}

// ---------------------------------------------------------------------------------------------
// Error shapes

interface ErrorSpec {
  status: number;
  code: string;
  /** Code the SDK should see for awsQueryCompatible services (x-amzn-query-error). */
  queryCode: string;
  message: string;
  sender: boolean;
}

function errorSpec(kind: FaultKind, protocol: Protocol): ErrorSpec {
  switch (kind) {
    case "throttle":
      switch (protocol) {
        case "rest-xml-s3":
          return { status: 503, code: "SlowDown", queryCode: "SlowDown", message: "Please reduce your request rate.", sender: false };
        case "ec2":
          return { status: 503, code: "RequestLimitExceeded", queryCode: "RequestLimitExceeded", message: "Request limit exceeded.", sender: true };
        case "query":
          return { status: 400, code: "Throttling", queryCode: "Throttling", message: "Rate exceeded", sender: true };
        case "rest-json":
          return { status: 429, code: "ThrottlingException", queryCode: "Throttling", message: "Rate exceeded", sender: true };
        default:
          return { status: 400, code: "ThrottlingException", queryCode: "RequestThrottled", message: "Rate exceeded", sender: true };
      }
    case "accessDenied": {
      const message = "User: arn:aws:iam::123456789012:user/fault-proxy is not authorized to perform this action (injected by fault proxy)";
      switch (protocol) {
        case "rest-xml-s3":
        case "query":
          return { status: 403, code: "AccessDenied", queryCode: "AccessDenied", message, sender: true };
        case "ec2":
          return { status: 403, code: "UnauthorizedOperation", queryCode: "UnauthorizedOperation", message, sender: true };
        case "rest-json":
          return { status: 403, code: "AccessDeniedException", queryCode: "AccessDenied", message, sender: true };
        default:
          // awsJson services (KMS, DynamoDB, Secrets Manager, ...) answer AccessDeniedException with HTTP 400.
          return { status: 400, code: "AccessDeniedException", queryCode: "AccessDenied", message, sender: true };
      }
    }
    case "serverError":
      return {
        status: 500,
        code: "InternalError",
        queryCode: "InternalError",
        message: "We encountered an internal error. Please try again. (injected by fault proxy)",
        sender: false,
      };
  }
}

const xmlEscape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Minimal CBOR encoding of a map of text strings (all rpc-v2-cbor errors need). */
function cborTextMap(entries: Record<string, string>): Buffer {
  const head = (major: number, n: number): Buffer => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 256) return Buffer.from([(major << 5) | 24, n]);
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(n, 1);
    return b;
  };
  const text = (s: string): Buffer => {
    const bytes = Buffer.from(s, "utf8");
    return Buffer.concat([head(3, bytes.length), bytes]);
  };
  const keys = Object.keys(entries);
  return Buffer.concat([head(5, keys.length), ...keys.flatMap((k) => [text(k), text(entries[k] ?? "")])]);
}

function sendError(res: http.ServerResponse, method: string, id: Identified, spec: ErrorSpec, requestContentType: string | undefined): void {
  const requestId = randomBytes(16).toString("hex");
  const headers: Record<string, string> = { "x-amzn-requestid": requestId };
  let body: Buffer;
  switch (id.protocol) {
    case "rest-xml-s3":
      headers["content-type"] = "application/xml";
      headers["x-amz-request-id"] = requestId;
      body = Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${spec.code}</Code><Message>${xmlEscape(spec.message)}</Message><RequestId>${requestId}</RequestId></Error>`,
      );
      break;
    case "ec2":
      headers["content-type"] = "text/xml;charset=UTF-8";
      body = Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${spec.code}</Code><Message>${xmlEscape(spec.message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      );
      break;
    case "query":
      headers["content-type"] = "text/xml";
      body = Buffer.from(
        `<ErrorResponse><Error><Type>${spec.sender ? "Sender" : "Receiver"}</Type><Code>${spec.code}</Code><Message>${xmlEscape(spec.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      );
      break;
    case "json":
      headers["content-type"] = requestContentType ?? "application/x-amz-json-1.1";
      if (id.queryCompatible) headers["x-amzn-query-error"] = `${spec.queryCode};${spec.sender ? "Sender" : "Receiver"}`;
      body = Buffer.from(JSON.stringify({ __type: spec.code, message: spec.message }));
      break;
    case "rpc-v2-cbor":
      headers["content-type"] = "application/cbor";
      headers["smithy-protocol"] = "rpc-v2-cbor";
      if (id.queryCompatible) headers["x-amzn-query-error"] = `${spec.queryCode};${spec.sender ? "Sender" : "Receiver"}`;
      body = cborTextMap({ __type: spec.code, message: spec.message });
      break;
    case "rest-json":
      headers["content-type"] = "application/json";
      headers["x-amzn-errortype"] = spec.code;
      body = Buffer.from(JSON.stringify({ message: spec.message }));
      break;
  }
  if (method === "HEAD") body = Buffer.alloc(0);
  headers["content-length"] = String(body.length);
  res.writeHead(spec.status, headers);
  res.end(body);
}

// ---------------------------------------------------------------------------------------------

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

function emptyStats(): ServiceStats {
  return { requests: 0, forwarded: 0, throttled: 0, accessDenied: 0, serverError: 0, delayed: 0, proxyErrors: 0 };
}

interface NormalizedFaults {
  throttle?: { share: number; services?: Set<string> };
  accessDenied: Set<string>;
  serverError: Set<string>;
  delay?: { services: Set<string>; ms: number };
}

function normalize(f: Faults): NormalizedFaults {
  if (f.throttle && !(f.throttle.share >= 0 && f.throttle.share <= 1)) {
    throw new Error(`fault proxy: throttle.share must be within 0..1, got ${f.throttle.share}`);
  }
  if (f.delayMs && !(f.delayMs.ms >= 0)) throw new Error(`fault proxy: delayMs.ms must be >= 0, got ${f.delayMs.ms}`);
  return {
    throttle: f.throttle && {
      share: f.throttle.share,
      services: f.throttle.services && new Set(f.throttle.services.map(canonical)),
    },
    accessDenied: new Set((f.accessDenied ?? []).map(canonical)),
    serverError: new Set((f.serverError ?? []).map(canonical)),
    delay: f.delayMs && { services: new Set(f.delayMs.services.map(canonical)), ms: f.delayMs.ms },
  };
}

export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(opts.target);
  if (target.protocol !== "http:" || !isLoopback(target.hostname)) {
    throw new Error(`fault proxy: target must be an http:// loopback URL, got ${opts.target}`);
  }
  const targetPort = Number(target.port || 80);
  const targetHost = target.hostname.replace(/^\[|\]$/g, "");
  let faults = normalize(opts);
  const rng = mulberry32(opts.seed ?? 1);
  let stats = new Map<string, ServiceStats>();
  let log: ProxiedRequest[] = [];
  const agent = new http.Agent({ keepAlive: true });

  const bucket = (service: string): ServiceStats => {
    let s = stats.get(service);
    if (!s) stats.set(service, (s = emptyStats()));
    return s;
  };

  const decide = (service: string): FaultKind | undefined => {
    if (faults.accessDenied.has(service)) return "accessDenied";
    if (faults.serverError.has(service)) return "serverError";
    const t = faults.throttle;
    if (t && (t.services === undefined || t.services.has(service)) && rng() < t.share) return "throttle";
    return undefined;
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    const id = identify(method, url, req.headers, body);
    const s = bucket(id.service);
    s.requests++;
    const entry: ProxiedRequest = { service: id.service, action: id.action, protocol: id.protocol };
    log.push(entry);

    const delay = faults.delay;
    if (delay && delay.services.has(id.service)) {
      s.delayed++;
      await new Promise((r) => setTimeout(r, delay.ms));
    }

    const fault = decide(id.service);
    if (fault) {
      entry.fault = fault;
      s[fault === "throttle" ? "throttled" : fault]++;
      sendError(res, method, id, errorSpec(fault, id.protocol), header(req, "content-type"));
      return;
    }

    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(k) && v !== undefined) headers[k] = v;
    }
    if (req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined || body.length > 0) {
      headers["content-length"] = String(body.length);
    }
    await new Promise<void>((resolve) => {
      const up = http.request({ host: targetHost, port: targetPort, method, path: url, headers, agent }, (upRes) => {
        const outHeaders: http.OutgoingHttpHeaders = {};
        for (const [k, v] of Object.entries(upRes.headers)) {
          if (!HOP_BY_HOP.has(k) && v !== undefined) outHeaders[k] = v;
        }
        res.writeHead(upRes.statusCode ?? 502, outHeaders);
        upRes.pipe(res);
        upRes.on("end", resolve);
        upRes.on("error", () => {
          res.destroy();
          resolve();
        });
      });
      up.on("error", (err) => {
        s.proxyErrors++;
        if (!res.headersSent) {
          res.writeHead(502, { "content-type": "text/plain" });
          res.end(`fault proxy: upstream ${opts.target} failed: ${err.message}`);
        } else {
          res.destroy();
        }
        resolve();
      });
      up.end(body);
    });
    s.forwarded++;
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(502, { "content-type": "text/plain" });
        res.end(`fault proxy: ${err instanceof Error ? err.message : String(err)}`);
      } else {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.removeListener("error", reject);
      resolve();
    });
  });
  const addr = server.address();
  if (addr === null || typeof addr === "string") throw new Error("fault proxy: could not read its port");
  const port = addr.port;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stats: () => Object.fromEntries([...stats].map(([k, v]) => [k, { ...v }])),
    requests: () => log.map((e) => ({ ...e })),
    setFaults(f: Faults) {
      faults = normalize(f);
    },
    resetStats() {
      stats = new Map();
      log = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
