// Issue 16 (basics): the packaged app refuses to start under a debugger. The check is pure
// (electron/main/paths.ts) so it is tested here; electron/main/index.ts runs it first thing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { debugSwitchesIn, debugSwitchMessage } from '../../electron/main/paths';

const EXE = 'C:\\Program Files\\YPSI Records\\YPSI Records.exe';

describe('debugSwitchesIn', () => {
  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-port', '9222'],
    ['--remote-debugging-pipe'],
    ['--inspect'],
    ['--inspect=127.0.0.1:9229'],
    ['--inspect-brk'],
    ['--inspect-brk=0'],
    ['--js-flags=--allow-natives-syntax'],
    // Chromium also reads a single dash.
    ['-remote-debugging-port=9222'],
  ])('refuses %s', (...args) => {
    expect(debugSwitchesIn(['/opt/ypsi/records', ...args], 'linux')).toEqual([args[0]]);
  });

  it('on Windows, also the slash spelling and any case, as Chromium reads them there', () => {
    expect(debugSwitchesIn([EXE, '/remote-debugging-port=9222'], 'win32')).toEqual(['/remote-debugging-port=9222']);
    expect(debugSwitchesIn([EXE, '--Remote-Debugging-Port=9222'], 'win32')).toEqual(['--Remote-Debugging-Port=9222']);
  });

  it('lets ordinary starts through, the data folder included', () => {
    expect(debugSwitchesIn([EXE, '--data-dir=D:\\Records\\inspect'], 'win32')).toEqual([]);
    expect(debugSwitchesIn(['/opt/ypsi/records', '--data-dir=/srv/inspect', '/inspect'], 'linux')).toEqual([]);
    expect(debugSwitchesIn(['/opt/ypsi/records', '--inspector-ish'], 'linux')).toEqual([]);
  });

  it('the message names the switches, not their values', () => {
    const message = debugSwitchMessage(['--remote-debugging-port=9222', '--inspect']);
    expect(message).toMatch(/will not start with debugging switches \(--remote-debugging-port, --inspect\)/);
    expect(message).not.toContain('9222');
  });

  it('the main process quits with that message before it registers anything, when packaged', () => {
    const main = readFileSync(fileURLToPath(new URL('../../electron/main/index.ts', import.meta.url)), 'utf8');
    const check = main.indexOf('debugSwitchesIn(process.argv)');
    expect(check).toBeGreaterThan(0);
    expect(main.slice(check, check + 400)).toMatch(/process\.exit\(1\)/);
    expect(check).toBeLessThan(main.indexOf('registerAppScheme();'));
  });
});
