/** Unit, function, conformance and component tests; the browser suite has its own config (jest.e2e.config.js). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/tests/{unit,functions,conformance,components,build,hardening}/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  moduleNameMapper: { '^@contracts/(.*)$': '<rootDir>/cloudfunctions/contracts/$1', '^@/(.*)$': '<rootDir>/src/$1' },
  testTimeout: 60000,
  maxWorkers: 2,
}
