// extensionTestsPath: the extension host require()s this module and calls run(); a rejection exits 1.
const path = require('path');
// mocha lives in the runner's tool cache (<repo>/.cache/e2e), not in the project's dependencies.
const Mocha = require(process.env.COPYDESK_E2E_MOCHA || path.join(__dirname, '..', '..', '..', '.cache', 'e2e', 'node_modules', 'mocha'));

exports.run = function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000 });
  mocha.addFile(path.join(__dirname, 'suite.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
};
