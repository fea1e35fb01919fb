import { firstUnknown, isUnknown, unknown, type Val } from "../core/value";

/** An inclusive port range. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/** What a rule lets through: a protocol and, for TCP/UDP and "all", a port range. */
export interface Traffic {
  /** `all`, `tcp`, `udp`, `icmp`, `icmpv6`, or an IP protocol number as text. */
  readonly protocol: string;
  /** Undefined for protocols without ports (ICMP types are not ports). */
  readonly ports: PortRange | undefined;
}

/** The traffic asked about: a protocol and, optionally, ports. */
export interface TrafficQuery {
  readonly protocol: string;
  readonly ports?: PortRange;
}

const PROTOCOL_NAMES: Readonly<Record<string, string>> = {
  "-1": "all",
  all: "all",
  "6": "tcp",
  tcp: "tcp",
  "17": "udp",
  udp: "udp",
  "1": "icmp",
  icmp: "icmp",
  "58": "icmpv6",
  icmpv6: "icmpv6",
};

/** `-1`, `all` -> `all`; protocol numbers of TCP, UDP, ICMP, ICMPv6 -> their names. */
export function normalizeProtocol(protocol: string): string {
  const p = protocol.trim().toLowerCase();
  return PROTOCOL_NAMES[p] ?? p;
}

const hasPorts = (protocol: string): boolean => protocol === "tcp" || protocol === "udp";

/**
 * The traffic a rule admits. "All protocols" covers every port whatever the ports say; for TCP
 * and UDP a missing or -1 bound is open-ended. Unknown values stay Unknown; impossible ranges
 * are Unknown("error") naming the rule.
 */
export function trafficOf(
  rule: { protocol: Val<string | undefined>; fromPort: Val<number | undefined>; toPort: Val<number | undefined> },
  where: string,
): Val<Traffic> {
  if (isUnknown(rule.protocol)) return rule.protocol;
  if (rule.protocol === undefined) return unknown("error", `${where} has no protocol`);
  const protocol = normalizeProtocol(rule.protocol);
  if (protocol === "all") return { protocol, ports: ALL_PORTS };
  if (!hasPorts(protocol)) return { protocol, ports: undefined };
  const u = firstUnknown(rule.fromPort, rule.toPort);
  if (u) return u;
  const from = bound(rule.fromPort as number | undefined, 0);
  const to = bound(rule.toPort as number | undefined, 65535);
  if (from === undefined || to === undefined || from > to) {
    return unknown("error", `${where} has an invalid port range ${String(rule.fromPort)}-${String(rule.toPort)}`);
  }
  return { protocol, ports: { from, to } };
}

function bound(port: number | undefined, open: number): number | undefined {
  if (port === undefined || port === -1) return open;
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : undefined;
}

export function portRangesOverlap(a: PortRange, b: PortRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export function portRangeContains(outer: PortRange, inner: PortRange): boolean {
  return outer.from <= inner.from && inner.to <= outer.to;
}

/** Whether a rule's traffic includes some of the traffic asked about. */
export function trafficMatches(traffic: Traffic, query: TrafficQuery): boolean {
  const wanted = normalizeProtocol(query.protocol);
  if (traffic.protocol !== "all" && wanted !== "all" && traffic.protocol !== wanted) return false;
  if (!query.ports || !traffic.ports) return true;
  return portRangesOverlap(traffic.ports, query.ports);
}

/** `all traffic`, `tcp/5432`, `tcp/5000-6000`, `icmp`. */
export function describeTraffic(t: Traffic): string {
  if (t.protocol === "all") return "all traffic";
  if (!t.ports) return t.protocol;
  const { from, to } = t.ports;
  if (from === 0 && to === 65535) return `${t.protocol}/all ports`;
  return from === to ? `${t.protocol}/${from}` : `${t.protocol}/${from}-${to}`;
}

/** Listeners of data stores, the ports `internetOnPorts` watches by default. */
export const DEFAULT_DATA_STORE_PORTS: readonly string[] = [
  "1433", // SQL Server
  "1521", // Oracle
  "2049", // NFS (EFS, FSx)
  "2181", // ZooKeeper (MSK)
  "2484", // Oracle over TLS
  "3306", // MySQL, MariaDB, Aurora MySQL
  "5432", // PostgreSQL, Aurora PostgreSQL
  "5439", // Redshift
  "6379", // Redis, Valkey (ElastiCache, MemoryDB)
  "8086", // InfluxDB (Timestream for InfluxDB)
  "8182", // Neptune
  "9042", // Cassandra
  "9092-9098", // Kafka (MSK plaintext, TLS, SASL, IAM)
  "9200", // OpenSearch, Elasticsearch
  "9300", // OpenSearch, Elasticsearch transport
  "11211", // Memcached
  "27017", // MongoDB, DocumentDB
];

/** `5432` or `9092-9098` as ranges; entries that are not ports or ranges of ports are errors. */
export function parsePortRanges(texts: readonly string[]): { ranges: PortRange[]; errors: string[] } {
  const ranges: PortRange[] = [];
  const errors: string[] = [];
  for (const text of texts) {
    const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(text);
    const from = m ? Number(m[1]) : NaN;
    const to = m ? Number(m[2] ?? m[1]) : NaN;
    if (from <= to && to <= 65535) ranges.push({ from, to });
    else errors.push(`'${text}' is not a port or a range of ports (e.g. 5432, 9092-9098)`);
  }
  return { ranges, errors };
}
