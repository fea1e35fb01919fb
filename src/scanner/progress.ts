/** What a scan tells its watcher as it goes; the CLI draws it on stderr. */
export interface ScanProgress {
  accountStarted(account: string, regions: readonly string[]): void;
  fetched(account: string, region: string, fetcher: string, resources: number, failures: number): void;
  accountDone(account: string, findings: number, notAssessed: number): void;
}

export const SILENT_PROGRESS: ScanProgress = {
  accountStarted: () => undefined,
  fetched: () => undefined,
  accountDone: () => undefined,
};
