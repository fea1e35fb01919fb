import { adaptMemoryDb } from "../../adapters/aws/memorydb";
import { memorydbFetcher, type MemoryDbAnswers } from "../../fetchers/aws/memorydb";
import type { AnySource, Source } from "../source";

/** MemoryDB clusters: stores with their hygiene (TLS, snapshot retention); placement not read yet. */
export const memorydbSource: Source<MemoryDbAnswers> = {
  fetcher: memorydbFetcher,
  feeds: ["stores", "hygiene"],
  storeKinds: ["memorydb-cluster"],
  adapt: adaptMemoryDb,
};

/** Sources the analytics group adds; the other analytics sources (analytics.ts) also feed "hygiene". */
export const ANALYTICS_HYGIENE_SOURCES: AnySource[] = [memorydbSource];
