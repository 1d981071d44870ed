import { describe, expect, it, vi } from 'vitest';
import { createExternalLinkOpener } from '../../electron/main/security/external-links';

function setup() {
  const openExternal = vi.fn(async (_url: string) => undefined);
  return { openExternal, open: createExternalLinkOpener(openExternal) };
}

describe('external link opener', () => {
  it('opens a plain https URL (normalised)', async () => {
    const { openExternal, open } = setup();
    await open('https://example.com/x');
    await open('https://EXAMPLE.com');
    expect(openExternal.mock.calls).toEqual([['https://example.com/x'], ['https://example.com/']]);
  });

  it.each([
    ['http://example.com/x', /https/],
    ['file:///etc/passwd', /https/],
    ['javascript:alert(1)', /https/],
    ['JAVASCRIPT:alert("https://example.com")', /https/],
    ['smb://server/share', /https/],
    ['ms-msdt:/id', /https/],
    ['https://user:pw@example.com/', /user name or password/],
    ['https://user@example.com/', /user name or password/],
    ['not a url', /spaces|valid/],
    ['https//example.com', /valid/],
    ['https:', /valid/],
    ['', /empty/],
    [' https://x', /spaces or hidden/],
    ['https://x ', /spaces or hidden/],
    ['\thttps://example.com', /spaces or hidden/],
    ['https://exa\nmple.com', /spaces or hidden/],
    ['https://example.com\u200b', /spaces or hidden/],
    ['\u0000https://example.com', /spaces or hidden/],
    [`https://example.com/${'a'.repeat(3000)}`, /too long/],
  ])('rejects %j with a clear message and opens nothing', async (raw, message) => {
    const { openExternal, open } = setup();
    await expect(open(raw)).rejects.toThrow(message);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('rejects non-strings', async () => {
    const { openExternal, open } = setup();
    await expect(open(42)).rejects.toThrow(/not a web address/);
    await expect(open({ href: 'https://example.com' })).rejects.toThrow();
    expect(openExternal).not.toHaveBeenCalled();
  });
});
