// Progress on stderr: one rewritten line on a terminal, plain lines in a CI log.
import type { ProgressEvent } from '../audit/progress.js';

export function createProgressPrinter(stream: NodeJS.WriteStream = process.stderr): (e: ProgressEvent) => void {
  const tty = Boolean(stream.isTTY);
  let lastPageLog = 0;
  const line = (text: string) => {
    if (tty) stream.write(`\r\x1b[2K${text}`);
    else stream.write(`${text}\n`);
  };
  return (event) => {
    switch (event.type) {
      case 'phase':
        if (event.phase === 'done') {
          if (tty) stream.write('\n');
        } else {
          if (tty) stream.write('\n');
          line(`» ${event.phase}`);
        }
        break;
      case 'page':
        // In a log, one line per 10 pages keeps a 200-page crawl readable.
        if (tty || event.fetched - lastPageLog >= 10 || event.fetched === 1) {
          lastPageLog = event.fetched;
          line(`  pages fetched: ${event.fetched}/${event.maxPages}  ${event.status} ${event.url}`);
        }
        break;
      case 'probe':
        if (event.status !== 'running') line(`  probe ${event.id}: ${event.status}${event.durationMs !== undefined ? ` (${event.durationMs} ms)` : ''}`);
        break;
      case 'question':
        line(`  fit-check ${event.done}/${event.total}: ${event.id} ${event.answerable ? 'answerable' : 'not answerable'}`);
        break;
    }
  };
}
