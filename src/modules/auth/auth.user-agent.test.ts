import { expect, it } from 'vitest';
import { describeUserAgent } from './auth.user-agent.ts';

it('names common browsers and systems', () => {
  const android =
    'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36';
  expect(describeUserAgent(android)).toEqual({ browser: 'Chrome', os: 'Android' });
  const iphone =
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Safari/604.1';
  expect(describeUserAgent(iphone)).toEqual({ browser: 'Safari', os: 'iOS' });
  const edge =
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0';
  expect(describeUserAgent(edge)).toEqual({ browser: 'Edge', os: 'Windows' });
  expect(describeUserAgent('curl/8.5')).toBeNull();
  expect(describeUserAgent(null)).toBeNull();
});
