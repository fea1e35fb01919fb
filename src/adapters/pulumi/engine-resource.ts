/**
 * A resource as the Pulumi engine hands it to the pack, with plain-JSON properties.
 * Values the engine could not compute (preview) are the engine's unknown sentinels.
 */
export interface EngineResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly props: Readonly<Record<string, unknown>>;
  /** Property name -> URNs of the resources its value came from. */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  /** URN of the provider resource that manages it, when the engine says. */
  readonly provider?: string;
  /**
   * True for the planned state AnalyzeStack receives in preview: there a property the program left
   * unset but the provider computes is unknown with no dependency, and counts as not set. Analyze
   * gets the program's inputs, where every unknown came from another resource.
   */
  readonly plannedState?: boolean;
}

/** The engine's unknown sentinels (one per value type); all mean "computed during the update". */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

export const isUnknownSentinel = (v: unknown): boolean => typeof v === "string" && UNKNOWN_SENTINELS.has(v);
