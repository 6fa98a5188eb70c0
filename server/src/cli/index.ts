/** Entry point of the `copydesk` command. */
import { readFileSync } from 'node:fs';
import { run } from './main';

process.exitCode = run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => readFileSync(0, 'utf8'),
  isTTY: process.stdout.isTTY === true,
});
