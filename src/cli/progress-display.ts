import type { ScanProgress } from "../scanner/progress";

interface Stream {
  readonly isTTY?: boolean;
  write(text: string): boolean;
}

/**
 * Progress on stderr: one redrawn status line on a terminal, plain lines otherwise (CI logs),
 * nothing with `--quiet`. Colour only on a terminal and never when NO_COLOR is set.
 */
export function progressDisplay(stream: Stream, opts: { quiet: boolean; env: NodeJS.ProcessEnv }): ScanProgress & { finish(): void } {
  const tty = stream.isTTY === true;
  const color = tty && !("NO_COLOR" in opts.env);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
  const counts = { accounts: 0, regions: 0, fetchers: 0, resources: 0, gaps: 0, notAssessed: 0 };
  let drawn = false;
  const draw = () => {
    if (opts.quiet || !tty) return;
    const line = `scanning: ${counts.accounts} account(s), ${counts.regions} region(s), ${counts.fetchers} fetches done, ${counts.resources} resources, ${counts.gaps} gap(s)`;
    stream.write(`\r\x1b[2K${dim(line)}`);
    drawn = true;
  };
  const say = (line: string) => {
    if (!opts.quiet && !tty) stream.write(`${line}\n`);
  };
  return {
    accountStarted(account, regions) {
      counts.accounts++;
      counts.regions += regions.length;
      say(`scan: account ${account}, ${regions.length} region(s): ${regions.join(", ")}`);
      draw();
    },
    fetched(account, region, fetcher, resources, gaps) {
      counts.fetchers++;
      counts.resources += resources;
      counts.gaps += gaps;
      say(`scan: ${account} ${region} ${fetcher}: ${resources} resource(s)${gaps ? `, ${gaps} not listed` : ""}`);
      draw();
    },
    accountDone(account, findings, notAssessed) {
      counts.notAssessed += notAssessed;
      say(`scan: account ${account} judged: ${findings} finding(s), ${notAssessed} not assessed`);
      draw();
    },
    finish() {
      if (drawn) stream.write("\r\x1b[2K");
    },
  };
}
