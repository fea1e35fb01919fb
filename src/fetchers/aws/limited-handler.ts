import { NodeHttpHandler, type NodeHttpHandlerOptions } from "@smithy/node-http-handler";
import type { HttpHandlerOptions } from "@smithy/types";
import type { Limiter } from "./limiter";
import type { ScanStats } from "./scan-stats";
import type { AwsService } from "./services";

type HttpRequest = Parameters<NodeHttpHandler["handle"]>[0];

/** The SDK's Node handler, with every request (retries included) counted and bounded by a limiter. */
export class LimitedHttpHandler extends NodeHttpHandler {
  constructor(
    options: NodeHttpHandlerOptions,
    private readonly limiter: Limiter,
    private readonly stats: ScanStats,
    private readonly service: AwsService,
  ) {
    super(options);
  }

  override async handle(request: HttpRequest, options?: HttpHandlerOptions): ReturnType<NodeHttpHandler["handle"]> {
    const release = await this.limiter.acquire();
    this.stats.request(this.service);
    try {
      return await super.handle(request, options);
    } finally {
      release();
    }
  }
}
