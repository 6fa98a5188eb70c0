// Loaded with `node --require` into the language server under test (and, by inheritance, its lint
// worker thread): every way to reach the network or start a process is replaced by a trap that
// writes to stderr and throws. The security test runs a full session and then reads stderr.
const { isMainThread } = require('node:worker_threads');

const trap = (what) => () => {
  process.stderr.write(`copydesk-guard: forbidden ${what}\n`);
  throw new Error(`copydesk-guard: ${what} is forbidden in the language server`);
};
const traps = {
  child_process: ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'],
  cluster: ['fork'],
  net: ['connect', 'createConnection', 'createServer'],
  http: ['request', 'get', 'createServer'],
  https: ['request', 'get', 'createServer'],
  http2: ['connect', 'createServer', 'createSecureServer'],
  tls: ['connect', 'createServer'],
  dgram: ['createSocket'],
  dns: ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny'],
};
for (const [name, functions] of Object.entries(traps)) {
  const module = require(name);
  for (const fn of functions) module[fn] = trap(`${name}.${fn}`);
}
for (const name of ['fetch', 'WebSocket', 'EventSource']) globalThis[name] = trap(name);
process.stderr.write(`copydesk-guard: armed in the ${isMainThread ? 'main' : 'worker'} thread\n`);
