/**
 * The progress line on stderr for long runs ("Linting 120/400 drafts"), redrawn in place. Only on a
 * terminal: in a CI log, carriage returns would pile up as hundreds of lines.
 */

/** Runs over more drafts than this show progress. */
export const PROGRESS_THRESHOLD = 16;
/** Redraw at most this often, so that progress never costs more than the linting. */
const REDRAW_MS = 100;

/** A progress line: `tick` after each draft, `done` to erase it before the report is written. */
export interface Progress {
  tick(): void;
  done(): void;
}

const SILENT: Progress = { tick: () => undefined, done: () => undefined };

/** A progress line for `total` drafts, or a silent one when stderr is no terminal or the run is short. */
export function createProgress(total: number, write: (text: string) => void, stderrIsTTY: boolean, now: () => number = Date.now): Progress {
  if (!stderrIsTTY || total <= PROGRESS_THRESHOLD) return SILENT;
  let finished = 0;
  let drawnAt = -Infinity;
  let drawn = false;
  const draw = (): void => {
    write(`\r\u001b[2KLinting ${finished}/${total} drafts`);
    drawn = true;
    drawnAt = now();
  };
  draw();
  return {
    tick() {
      finished++;
      if (now() - drawnAt >= REDRAW_MS || finished === total) draw();
    },
    done() {
      if (drawn) write('\r\u001b[2K');
    },
  };
}
