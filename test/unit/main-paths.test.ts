// The pure parts of the Electron glue (electron/main/paths.ts): they decide which files the
// app:// protocol serves and which origins IPC trusts, so they are tested without Electron.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  dataDirOverride,
  devServerUrl,
  isTrustedUrl,
  originOf,
  rendererFileFor,
} from '../../electron/main/paths';

const dir = resolve('/srv/app/out/renderer');

describe('rendererFileFor', () => {
  it.each([
    ['app://records/', 'index.html'],
    ['app://records/index.html', 'index.html'],
    ['app://records/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://records/incidents/42', 'index.html'], // a client-side route
    ['app://records/assets/a%20b.css', 'assets/a b.css'],
  ])('%s → %s', (url, file) => {
    expect(rendererFileFor(dir, url)).toBe(join(dir, file));
  });

  // The URL parser already folds "..", "%2e%2e" and "\\" segments; what it leaves encoded
  // ("%2f", "%5c") is decoded here and must still not climb out of the folder.
  it.each([
    'app://records/..%2f..%2fpackage.json',
    'app://records/assets/..%2f..%2f..%2fpackage.json',
    'app://records/%2e%2e%5c%2e%2e%5cpackage.json',
    'app://records/a%00.js',
    'app://records/%E0%A4%A.js',
    'app://elsewhere/index.html',
    'file:///srv/app/out/renderer/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(rendererFileFor(dir, url)).toBeNull();
  });

  it.each([
    'app://records/../../package.json',
    'app://records/%2e%2e/%2e%2e/package.json',
    'app://records/assets/..%5c..%5cindex.html',
  ])('keeps %s inside the renderer folder', (url) => {
    const file = rendererFileFor(dir, url);
    expect(file === null || file.startsWith(join(dir, '/'))).toBe(true);
  });
});

describe('dataDirOverride', () => {
  it('prefers --data-dir= over RECORDS_DATA_DIR, resolved to an absolute path', () => {
    expect(dataDirOverride(['electron', '.', '--data-dir=/tmp/a'], { RECORDS_DATA_DIR: '/tmp/b' })).toBe(resolve('/tmp/a'));
    expect(dataDirOverride(['electron', '.'], { RECORDS_DATA_DIR: 'rel/b' })).toBe(resolve('rel/b'));
  });
  it('is undefined when neither is given or both are blank', () => {
    expect(dataDirOverride(['electron', '.'], {})).toBeUndefined();
    expect(dataDirOverride(['--data-dir='], { RECORDS_DATA_DIR: ' ' })).toBeUndefined();
  });
});

describe('trusted origins', () => {
  const app = originOf(APP_ENTRY_URL);
  it('trusts only app://records', () => {
    expect(app).toEqual({ protocol: 'app:', host: 'records' });
    if (app === null) return;
    expect(isTrustedUrl('app://records/index.html#/x', app)).toBe(true);
    expect(isTrustedUrl('app://evil/index.html', app)).toBe(false);
    expect(isTrustedUrl('https://records/', app)).toBe(false);
    expect(isTrustedUrl('about:blank', app)).toBe(false);
  });
  it('accepts a dev server only on loopback http', () => {
    expect(devServerUrl('http://localhost:5173')).toBe('http://localhost:5173/');
    expect(devServerUrl('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/');
    expect(devServerUrl('https://example.com/')).toBeUndefined();
    expect(devServerUrl('http://localhost.example.com/')).toBeUndefined();
    expect(devServerUrl(undefined)).toBeUndefined();
  });
});
