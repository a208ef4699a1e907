import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, START_URL, isAllowedNavigation, isSafeExternalUrl, isTrustedSender, mimeType, resolveAppFile, safeExternalUrl } from './security';

describe('isAllowedNavigation / isTrustedSender', () => {
  it('allows only our own app:// origin', () => {
    expect(isAllowedNavigation(START_URL)).toBe(true);
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html#/schools?id=3`)).toBe(true);
    expect(isTrustedSender(`${APP_ORIGIN}/`)).toBe(true);
  });

  it.each([
    'app://other/index.html',
    'app://dudao.evil.example/index.html',
    'app://user:pw@dudao/index.html',
    'https://dudao/index.html',
    'file:///C:/Windows/win.ini',
    'http://127.0.0.1:5173/',
    'about:blank',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
    expect(isTrustedSender(url)).toBe(false);
  });

  it('refuses a missing sender frame', () => {
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts plain https links and normalises them', () => {
    expect(isSafeExternalUrl('https://www.moe.gov.cn/')).toBe(true);
    expect(safeExternalUrl('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b');
  });

  it.each([
    'http://www.moe.gov.cn/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'javascript:alert(1)',
    'app://dudao/index.html',
    'https://user:pass@example.com/',
    'https://',
    '\\\\server\\share\\x.exe',
    '',
    undefined,
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('resolveAppFile', () => {
  const root = path.resolve('/srv/renderer');

  it('maps app:// paths to files under the root', () => {
    expect(resolveAppFile(root, 'app://dudao/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://dudao/index.html?x=1#/schools')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://dudao/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://dudao/assets/%E5%9B%BE.png')).toBe(path.join(root, 'assets', '图.png'));
  });

  it.each([
    'app://dudao/..%2f..%2fetc%2fpasswd',
    'app://dudao/%2e%2e%2fsecret',
    'app://dudao/assets/..%5c..%5cwin.ini',
    'app://dudao//etc/passwd',
    'app://dudao/%2fetc%2fpasswd',
    'app://dudao/C:/Windows/win.ini',
    'app://dudao/C%3A%5CWindows%5Cwin.ini',
    'app://dudao/index.html%00.png',
    'app://dudao/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('keeps dot segments the URL parser already resolved inside the root', () => {
    expect(resolveAppFile(root, 'app://dudao/assets/%2e%2e/%2e%2e/%2e%2e/secret')).toBe(path.join(root, 'secret'));
    expect(resolveAppFile(root, 'app://dudao/a/../../../../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('applies the same rules to Windows paths', () => {
    const winRoot = 'C:\\Program Files\\督导档案\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppFile(winRoot, 'app://dudao/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    for (const url of ['app://dudao/..%5c..%5c..%5cconfig.json', 'app://dudao/C:%5CWindows%5Cwin.ini', 'app://dudao/%5C%5Cserver%5Cshare', 'app://dudao/D:/x']) {
      expect(resolveAppFile(winRoot, url, path.win32)).toBeNull();
    }
  });
});

describe('mimeType', () => {
  it('knows the renderer build files', () => {
    expect(mimeType('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('/x/a.woff2')).toBe('font/woff2');
    expect(mimeType('/x/a.bin')).toBe('application/octet-stream');
  });
});
