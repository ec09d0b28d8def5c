import { ConfigError, parseConfig } from '../src/config';

describe('parseConfig', () => {
  it('when the settings are valid, then it returns the typed config', () => {
    expect(parseConfig({ APP_ENV: 'production', CORS_ORIGINS: ['https://chat.example.com'] })).toEqual({
      env: 'production',
      corsOrigins: ['https://chat.example.com'],
      bodyLimitBytes: 65536,
      requestDeadlineMs: 50_000,
      rateLimits: {
        windowSeconds: 60,
        perIp: 0,
        perUser: 0,
        sendsPerUser: 0,
        chatsPerUser: 0,
        memberAddsPerUser: 0,
      },
    });
  });

  it('when rate limits are given, then they are typed; when one is negative, then start-up fails naming it', () => {
    const base = { APP_ENV: 'local', CORS_ORIGINS: [] };
    expect(
      parseConfig({
        ...base,
        RATE_LIMIT_WINDOW_SECONDS: 30,
        RATE_LIMIT_PER_IP: 600,
        RATE_LIMIT_PER_USER: 300,
        RATE_LIMIT_SENDS_PER_USER: 60,
        RATE_LIMIT_CHATS_PER_USER: 10,
        RATE_LIMIT_MEMBER_ADDS_PER_USER: 200,
      }).rateLimits,
    ).toEqual({
      windowSeconds: 30,
      perIp: 600,
      perUser: 300,
      sendsPerUser: 60,
      chatsPerUser: 10,
      memberAddsPerUser: 200,
    });
    expect(() => parseConfig({ ...base, RATE_LIMIT_SENDS_PER_USER: -1 })).toThrow(
      /RATE_LIMIT_SENDS_PER_USER: /,
    );
    expect(() => parseConfig({ ...base, RATE_LIMIT_WINDOW_SECONDS: 0 })).toThrow(
      /RATE_LIMIT_WINDOW_SECONDS: /,
    );
  });

  it('when a rate-limit slack is given, then it is kept; past 50 percent start-up fails naming it', () => {
    const base = { APP_ENV: 'local', CORS_ORIGINS: [] };
    expect(parseConfig({ ...base, RATE_LIMIT_SLACK_PERCENT: 5 }).rateLimits.slackPercent).toBe(5);
    expect(parseConfig(base).rateLimits.slackPercent).toBeUndefined();
    expect(() => parseConfig({ ...base, RATE_LIMIT_SLACK_PERCENT: 51 })).toThrow(
      /RATE_LIMIT_SLACK_PERCENT: /,
    );
  });

  it('when the profile is local, then any loopback origin is allowed besides the listed ones (the Hosting emulator runs on shifted ports)', () => {
    const { corsOrigins } = parseConfig({ APP_ENV: 'local', CORS_ORIGINS: ['https://a.example.com'] });
    const allows = (origin: string) =>
      corsOrigins.some((allowed) =>
        typeof allowed === 'string' ? allowed === origin : allowed.test(origin),
      );
    expect(allows('https://a.example.com')).toBe(true);
    expect(allows('http://127.0.0.1:11000')).toBe(true);
    expect(allows('http://localhost:5000')).toBe(true);
    expect(allows('http://127.0.0.1.evil.example:5000')).toBe(false);
    expect(allows('https://b.example.com')).toBe(false);
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
