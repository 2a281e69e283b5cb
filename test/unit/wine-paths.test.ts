// The Windows lane's path helpers (test/windows/wine-paths.ts): how node.exe under Wine names
// this machine's files (Z: is the Linux root) and where a Wine prefix links a drive letter.
import { describe, expect, it } from 'vitest';
import { driveLink, winePath } from '../windows/wine-paths';

describe('winePath', () => {
  it.each([
    ['/home/builder/ypsi-records/.cache/windows-lane/scenario.cjs', 'Z:\\home\\builder\\ypsi-records\\.cache\\windows-lane\\scenario.cjs'],
    ['/tmp/ypsi-windows-lane-x/results.json', 'Z:\\tmp\\ypsi-windows-lane-x\\results.json'],
    ['/srv/Siân O\'Brien/fonts/', 'Z:\\srv\\Siân O\'Brien\\fonts'],
    ['/a//b/./c/../d', 'Z:\\a\\b\\d'],
    ['/', 'Z:\\'],
  ])('%s → %s', (linux, windows) => {
    expect(winePath(linux)).toBe(windows);
  });

  it('refuses a relative path, which has no Z: name', () => {
    expect(() => winePath('resources/fonts')).toThrow(/absolute/);
  });

  it('refuses a Linux name with a backslash, which Windows would read as two names', () => {
    expect(() => winePath('/tmp/a\\b')).toThrow(/backslash/);
  });
});

describe('driveLink', () => {
  it('is the prefix’s dosdevices link, the letter in lower case', () => {
    expect(driveLink('/tmp/lane/wine-prefix', 'D')).toBe('/tmp/lane/wine-prefix/dosdevices/d:');
  });

  it('refuses anything but one letter', () => {
    expect(() => driveLink('/tmp/p', 'dd')).toThrow(/drive letter/);
    expect(() => driveLink('/tmp/p', '1')).toThrow(/drive letter/);
  });
});
