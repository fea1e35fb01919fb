// Starts a private moto_server (AWS emulator) on a free loopback port for one test file.
//
// Each test file starts its own server so files can run in parallel with isolated state.
// The child dies with the test process: an 'exit' handler kills it, and on Linux the child
// also gets PR_SET_PDEATHSIG so it does not outlive a worker that is killed outright.
import { spawn, type ChildProcess } from "node:child_process";
import * as http from "node:http";
import * as net from "node:net";
import * as path from "node:path";
import { ensureMoto, PDEATHSIG_EXEC } from "./install";

/** Credentials moto accepts while IAM auth is disabled (the default). They are not an IAM user. */
export const MOTO_CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" } as const;
export const MOTO_REGION = "us-east-1";
/** moto's default account id. */
export const MOTO_ACCOUNT_ID = "123456789012";

export interface StartMotoOptions {
  /** Extra environment for moto_server (e.g. MOTO_ALLOW_NONEXISTENT_REGION). */
  env?: Record<string, string>;
  /** How long to wait for GET /moto-api/ to answer. Default 60 s. */
  startTimeoutMs?: number;
}

export interface MotoServer {
  /** e.g. "http://127.0.0.1:40123" — pass as `endpoint` to AWS SDK v3 clients (S3 needs forcePathStyle: true). */
  endpoint: string;
  port: number;
  pid: number;
  /**
   * Wipes all emulated resources (POST /moto-api/reset) and turns IAM enforcement back off
   * (moto's reset does not touch the auth setting, and with auth on and the IAM users gone
   * every request would fail with InvalidClientTokenId).
   */
  reset(): Promise<void>;
  /**
   * Turns on moto's IAM enforcement after `count` more authorised requests (default 0: at once).
   * Wire format: POST /moto-api/reset-auth with the bare number as the body (e.g. `0`), not JSON
   * and not form-encoded. From then on only access keys of IAM users (or assumed-role sessions)
   * that exist in moto are accepted; MOTO_CREDENTIALS ("testing") are rejected as unknown keys.
   * Denials parse cleanly in SDK v3 only for S3 and query/ec2 services; JSON services get IAM's XML
   * error body (an SDK deserialization error) — use the fault proxy's accessDenied for those.
   */
  enableIamAuth(count?: number): Promise<void>;
  /** Turns IAM enforcement off again (POST /moto-api/reset-auth with body `inf`). */
  disableIamAuth(): Promise<void>;
  /** The last lines moto_server wrote to stderr (its request log and tracebacks). */
  stderrTail(lines?: number): string;
  /** Kills the server and waits for it to exit. Idempotent. */
  stop(): Promise<void>;
}

const STDERR_KEEP = 64 * 1024;

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      if (addr === null || typeof addr === "string") {
        srv.close();
        return reject(new Error("could not read the port of a probe server"));
      }
      srv.close(() => resolve(addr.port));
    });
  });
}

interface HttpAnswer {
  status: number;
  body: string;
}

function request(method: string, url: string, body?: string, timeoutMs = 30_000): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent: false,
        timeout: timeoutMs,
        // Not form-encoded: moto reads reset-auth's raw body, which Flask empties for form posts.
        headers: body === undefined ? {} : { "content-type": "text/plain", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${method} ${url} timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

function lastLines(text: string, lines: number): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

class StartFailure extends Error {
  constructor(
    message: string,
    readonly portInUse: boolean,
  ) {
    super(message);
  }
}

export async function startMoto(opts: StartMotoOptions = {}): Promise<MotoServer> {
  const motoServer = await ensureMoto();
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(motoServer, opts);
    } catch (err) {
      // Another process may grab the port between our probe and moto's bind: retry on a new one.
      if (err instanceof StartFailure && err.portInUse && attempt < 4) continue;
      throw err;
    }
  }
}

async function startOnce(motoServer: string, opts: StartMotoOptions): Promise<MotoServer> {
  const port = await freeLoopbackPort();
  const host = "127.0.0.1";
  const endpoint = `http://${host}:${port}`;
  const python = path.join(path.dirname(motoServer), "python");
  const child: ChildProcess = spawn(
    python,
    ["-c", PDEATHSIG_EXEC, String(process.pid), motoServer, "-H", host, "-p", String(port)],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PYTHONUNBUFFERED: "1",
        MOTO_IAM_LOAD_MANAGED_POLICIES: "true",
        MOTO_EC2_LOAD_DEFAULT_AMIS: "false",
        ...opts.env,
      },
    },
  );

  let stderr = "";
  const keep = (d: string): void => {
    stderr += d;
    if (stderr.length > STDERR_KEEP * 2) stderr = stderr.slice(-STDERR_KEEP);
  };
  // Both pipes must be drained or moto blocks once its request log fills the pipe.
  child.stderr?.setEncoding("utf8").on("data", keep);
  child.stdout?.setEncoding("utf8").on("data", keep);

  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.on("exit", (code, signal) => {
      exitInfo = { code, signal };
      resolve();
    });
    child.on("error", (err) => {
      spawnError = err;
      if (child.pid === undefined) {
        exitInfo = { code: null, signal: null };
        resolve();
      }
    });
  });
  const killOnExit = (): void => {
    if (exitInfo === undefined) child.kill("SIGKILL");
  };
  process.on("exit", killOnExit);

  const stop = async (): Promise<void> => {
    process.removeListener("exit", killOnExit);
    if (exitInfo !== undefined) return;
    child.kill("SIGTERM");
    const done = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
    if (!done) {
      child.kill("SIGKILL");
      await exited;
    }
  };

  const timeoutMs = opts.startTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitInfo !== undefined) {
      process.removeListener("exit", killOnExit);
      const how = spawnError
        ? `could not be started (${spawnError.message})`
        : `exited early (${exitInfo.signal ? `signal ${exitInfo.signal}` : `code ${exitInfo.code}`})`;
      throw new StartFailure(
        `moto_server on ${endpoint} ${how}; stderr tail:\n${lastLines(stderr, 30)}`,
        /address already in use/i.test(stderr),
      );
    }
    try {
      const res = await request("GET", `${endpoint}/moto-api/`, undefined, 2_000);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new StartFailure(
        `moto_server on ${endpoint} did not answer GET /moto-api/ within ${timeoutMs} ms; stderr tail:\n${lastLines(stderr, 30)}`,
        false,
      );
    }
    await sleep(100);
  }

  // A forgotten stop() must not keep the test process alive; the exit handler still kills moto.
  child.unref();
  (child.stdout as unknown as { unref?: () => void } | null)?.unref?.();
  (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();

  const post = async (what: string, url: string, body?: string): Promise<void> => {
    const res = await request("POST", url, body);
    if (res.status !== 200) {
      throw new Error(`moto ${what} (POST ${url}) answered ${res.status}: ${res.body.slice(0, 500)}\nstderr tail:\n${lastLines(stderr, 15)}`);
    }
  };
  const setAuth = (value: string): Promise<void> => post("reset-auth", `${endpoint}/moto-api/reset-auth`, value);

  return {
    endpoint,
    port,
    pid: child.pid ?? -1,
    async reset() {
      await post("reset", `${endpoint}/moto-api/reset`);
      await setAuth("inf");
    },
    async enableIamAuth(count = 0) {
      if (!Number.isInteger(count) || count < 0) throw new Error(`enableIamAuth: count must be a non-negative integer, got ${count}`);
      await setAuth(String(count));
    },
    disableIamAuth() {
      return setAuth("inf");
    },
    stderrTail(lines = 30) {
      return lastLines(stderr, lines);
    },
    stop,
  };
}
