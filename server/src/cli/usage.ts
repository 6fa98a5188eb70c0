/** The help texts: what `copydesk --help` and `copydesk help COMMAND` print. */

/** Copydesk's version, as the language server reports it. */
export const VERSION = '0.1.0';

const MAIN = `Usage: copydesk [options] [PATH|GLOB ...]
       copydesk init [FOLDER] | copydesk rules | copydesk explain RULE
       copydesk sources [--format stylish|json|csv] PATH ...   (who is cited for what)
       copydesk --stdio            (the language server, for any LSP editor)
       copydesk mcp                (a Model Context Protocol server, for writing assistants)

Lints news drafts for unattributed claims, loaded terms and uncited figures.
PATH is a draft, a folder (every .md, .markdown, .txt and .news file under it, honouring .gitignore and
.copydeskignore) or a glob such as 'drafts/**/*.md' (quote it); - reads standard input.

Output
  -f, --format FORMAT        stylish (default), json, sarif or github (workflow annotations)
  -o, --output FILE          write the report to FILE instead of standard output
      --color, --no-color    force colour on or off (default: on a terminal, never with NO_COLOR)
What is reported
      --severity LEVEL       report only findings at LEVEL or above: error, warning, information, hint
      --rule RULE=LEVEL      override a rule's severity, or turn it off (RULE=off); repeatable
  -c, --config FILE          use FILE instead of the nearest .copydesk.yml
      --max-warnings N       fail only when more than N warnings are reported (default: any warning fails)
      --changed-since REF    report only findings on lines changed since the git ref REF (working tree
                             included; drafts git does not track count as new); whole drafts are linted
      --diff FILE|-          report only findings on lines a unified diff adds or changes (paths relative
                             to the working folder)
Input
      --stdin-filename PATH  the path standard input stands for: picks its format and its .copydesk.yml
      --stdin-format FORMAT  markdown, plaintext or newsdraft for standard input (default: from the
                             --stdin-filename extension, else markdown)
      --no-ignore            do not read .gitignore and .copydeskignore
      --no-error-on-unmatched-pattern   a folder or glob with no drafts is not an error
      --threads N            worker threads (default: one per core for runs over many files; 1: none)
      --shard K/N            lint only shard K of N of the drafts, split by a hash of each path (CI matrix)
  -h, --help                 this help;  -v, --version  the version

Exit status: 0 no finding at warning or above (or within --max-warnings); 1 findings at or above the
threshold; 2 a usage error, a config error or a file that could not be read.`;

const INIT = `Usage: copydesk init [FOLDER]

Writes a commented starter .copydesk.yml in FOLDER (default: the current folder). Refuses to overwrite
an existing one.`;

const RULES = `Usage: copydesk rules [--format stylish|json]

Lists every rule with its default severity and a one-line description.`;

const EXPLAIN = `Usage: copydesk explain RULE

Prints a rule's documentation: what it flags, what it leaves alone, how to fix or silence it.`;

const SOURCES = `Usage: copydesk sources [--format stylish|json|csv] [--config FILE] [--no-ignore] PATH|GLOB ...

Who is cited for what in each draft, from the attribution model the rules read.
  stylish (default)  each source once (its mentions merged: "Kim Jong Un", "Kim", "he"), how many claims it
                     carries, quoted or reported; counts of named, anonymous and vague sourcing; a line
                     when a story rests on a single named source
  json               [{file, sources: [{speaker, resolved, cue, content, kind, direct}]}], 0-based UTF-16
                     offsets as in the lint JSON
  csv                one row per attribution

Exit status: 0 listed; 2 a usage error or a draft that could not be read.`;

/** The help text for copydesk or one of its commands. */
export function helpText(topic?: 'init' | 'rules' | 'explain' | 'sources'): string {
  return topic === 'init' ? INIT : topic === 'rules' ? RULES : topic === 'explain' ? EXPLAIN : topic === 'sources' ? SOURCES : MAIN;
}
