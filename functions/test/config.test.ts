import { ConfigError, parseConfig } from '../src/config';

describe('parseConfig', () => {
  it('when the settings are valid, then it returns the typed config', () => {
    expect(parseConfig({ APP_ENV: 'production', CORS_ORIGINS: ['https://chat.example.com'] })).toEqual({
      env: 'production',
      corsOrigins: ['https://chat.example.com'],
      bodyLimitBytes: 65536,
    });
  });

  it('when APP_ENV is unknown, then start-up fails naming APP_ENV', () => {
    expect(() => parseConfig({ APP_ENV: 'prod', CORS_ORIGINS: [] })).toThrow(ConfigError);
    expect(() => parseConfig({ APP_ENV: 'prod', CORS_ORIGINS: [] })).toThrow(/APP_ENV/);
  });

  it('when production has no CORS origin, then start-up fails naming CORS_ORIGINS', () => {
    expect(() => parseConfig({ APP_ENV: 'production', CORS_ORIGINS: [] })).toThrow(
      /CORS_ORIGINS: must list at least one origin/,
    );
  });

  it('when an origin has a path, then start-up fails naming the entry', () => {
    expect(() => parseConfig({ APP_ENV: 'local', CORS_ORIGINS: ['https://a.example.com/app'] })).toThrow(
      /CORS_ORIGINS\.0: must be a bare origin/,
    );
  });
});
