/** The options every command that reads drafts takes alike (`copydesk` and `copydesk sources`). */

/** Where a command's drafts get their config, whether ignore files count, and colour. */
export interface SharedFlagOptions {
  config?: string;
  ignore: boolean;
  color?: boolean;
}

/** Reads one of the shared flags into the options; false when the flag is not one of them. */
export function readSharedFlag(flag: string, value: () => string, options: SharedFlagOptions): boolean {
  switch (flag) {
    case '-c':
    case '--config':
      options.config = value();
      return true;
    case '--no-ignore':
      options.ignore = false;
      return true;
    case '--color':
      options.color = true;
      return true;
    case '--no-color':
      options.color = false;
      return true;
    default:
      return false;
  }
}
