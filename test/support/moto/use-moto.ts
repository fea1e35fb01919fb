import { afterAll, beforeAll, beforeEach } from "vitest";
import { startFaultProxy, type FaultProxy, type FaultProxyOptions } from "../fault-proxy";
import { startMoto, type MotoServer } from "./server";

/** How long starting moto, or seeding it, may take on a loaded machine. */
export const MOTO_SETUP_TIMEOUT = 120_000;

/**
 * A private moto for the enclosing describe block (or the test file): started before its tests and
 * stopped after them; with `resetEachTest`, emptied before each test. Call the answer for the server.
 */
export function useMoto(opts: { readonly resetEachTest?: boolean } = {}): () => MotoServer {
  let moto: MotoServer | undefined;
  const server = (): MotoServer => {
    if (moto === undefined) throw new Error("moto is not running (useMoto starts it in a beforeAll)");
    return moto;
  };
  beforeAll(async () => {
    moto = await startMoto();
  }, MOTO_SETUP_TIMEOUT);
  afterAll(async () => {
    await moto?.stop();
  });
  if (opts.resetEachTest) {
    beforeEach(async () => {
      await server().reset();
    });
  }
  return server;
}

/** A fault proxy (`options()`, read once moto is up) for the enclosing describe block. Call the answer for the proxy. */
export function useFaultProxy(options: () => FaultProxyOptions): () => FaultProxy {
  let proxy: FaultProxy | undefined;
  beforeAll(async () => {
    proxy = await startFaultProxy(options());
  });
  afterAll(async () => {
    await proxy?.close();
  });
  return () => {
    if (proxy === undefined) throw new Error("the fault proxy is not running (useFaultProxy starts it in a beforeAll)");
    return proxy;
  };
}
