/** Browser tests: playwright-core driving Debian's Chromium against the H5 build served by the local gateway. */
const base = require('./jest.config')
module.exports = {
  ...base,
  testMatch: ['**/tests/e2e/**/*.e2e.test.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
}
