import { loadConfig } from '../../../src/config';

const OPERATOR = {
  OPERATOR_NAME: 'Algorithm Watchers e.V.',
  OPERATOR_ADDRESS: 'Musterstraße 1; 10115 Berlin; Germany',
  OPERATOR_EMAIL: 'info@watchers.example.org',
  OPERATOR_COUNTRY: 'DE',
  OPERATOR_DPO_EMAIL: 'privacy@watchers.example.org',
};

describe('operator configuration', () => {
  test('when NODE_ENV=production has no operator, then one error names every missing variable and nothing starts', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /OPERATOR_NAME: required when NODE_ENV=production.*OPERATOR_ADDRESS.*OPERATOR_EMAIL.*OPERATOR_COUNTRY.*OPERATOR_DPO_EMAIL/,
    );
  });

  test('when NODE_ENV=production lacks only the data-protection contact, then the error names only OPERATOR_DPO_EMAIL', () => {
    const { OPERATOR_DPO_EMAIL: _left, ...rest } = OPERATOR;
    let message = '';
    try {
      loadConfig({ NODE_ENV: 'production', ...rest });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('Invalid configuration: OPERATOR_DPO_EMAIL: required when NODE_ENV=production (donors must be told who runs this instance)');
  });

  test('when the operator is configured, then it is parsed with the address split into lines and the country in lower case', () => {
    const config = loadConfig({ NODE_ENV: 'production', ...OPERATOR, OPERATOR_DPO_NAME: 'Erika Mustermann', OPERATOR_AUTHORITY: 'deberlbdi', OPERATOR_REGISTER: 'VR 12345 B' });
    expect(config.operator).toEqual({
      name: 'Algorithm Watchers e.V.',
      addressLines: ['Musterstraße 1', '10115 Berlin', 'Germany'],
      email: 'info@watchers.example.org',
      country: 'de',
      dataProtection: { email: 'privacy@watchers.example.org', name: 'Erika Mustermann' },
      phone: undefined,
      representative: undefined,
      register: 'VR 12345 B',
      authority: 'deberlbdi',
    });
  });

  test('when no OPERATOR_* variable is set outside production, then the instance is a demo without an operator', () => {
    expect(loadConfig({}).operator).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'development' }).operator).toBeUndefined();
  });

  test('when only some OPERATOR_* variables are set outside production, then the rest are named as missing', () => {
    expect(() => loadConfig({ OPERATOR_NAME: 'Half an operator' })).toThrow(/OPERATOR_ADDRESS: required once any OPERATOR_\* variable is set/);
  });

  test('when an e-mail or the country is malformed, then the error names that variable', () => {
    expect(() => loadConfig({ ...OPERATOR, OPERATOR_EMAIL: 'not-an-address', OPERATOR_COUNTRY: 'Germany' })).toThrow(/OPERATOR_EMAIL.*OPERATOR_COUNTRY: must be a two-letter country code/);
  });
});
