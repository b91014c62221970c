import { loadConfig } from '../../../src/config';

describe('config', () => {
  test('when the environment is empty, then the documented defaults apply', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      databasePath: './data/crowdaudit.sqlite',
      rateLimits: true,
      logLevel: 'info',
      baseUrl: 'http://localhost:3000',
      signingKeyPath: 'data/signing-key.pem',
    });
  });

  test('when variables are set, then they are parsed into typed values', () => {
    const config = loadConfig({ PORT: '8080', RATE_LIMITS: 'off', BASE_URL: 'https://audit.example.org/', DATABASE_PATH: '/srv/ca/db.sqlite' });
    expect(config).toMatchObject({ port: 8080, rateLimits: false, baseUrl: 'https://audit.example.org', signingKeyPath: '/srv/ca/signing-key.pem' });
  });

  test('when variables are invalid, then one error names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', RATE_LIMITS: 'maybe', BASE_URL: 'not a url' })).toThrow(/PORT.*RATE_LIMITS.*BASE_URL/);
  });
});
