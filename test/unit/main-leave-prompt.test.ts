// Closing or reloading the window while a form holds unsaved typing: the page cancels
// beforeunload, and Electron shows nothing itself, so electron/main/window.ts asks. The
// Electron binary is not on the build machines: the module is replaced by a stand-in and
// the handler is driven with a fake webContents.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: {}, BrowserWindow: class {}, dialog: {}, Menu: {} }));

const { askBeforeLosingTyping, LEAVE_QUESTION } = await import('../../electron/main/window');

function unloadPrevented(answer: number) {
  const contents = new EventEmitter();
  const ask = vi.fn(() => answer);
  askBeforeLosingTyping(contents as never, ask);
  const event = { preventDefault: vi.fn() };
  contents.emit('will-prevent-unload', event);
  return { ask, event };
}

describe('will-prevent-unload', () => {
  it('asks in the words of the page, Stay first and on Escape', () => {
    const { ask } = unloadPrevented(0);
    expect(ask).toHaveBeenCalledWith(LEAVE_QUESTION);
    expect(LEAVE_QUESTION).toMatchObject({
      message: 'Leave this page?',
      detail: 'What you have typed will be lost.',
      buttons: ['Stay', 'Leave'],
      defaultId: 0,
      cancelId: 0,
    });
  });

  it('Leave lets the window close (the beforeunload is overridden); Stay keeps it open', () => {
    expect(unloadPrevented(1).event.preventDefault).toHaveBeenCalledTimes(1);
    expect(unloadPrevented(0).event.preventDefault).not.toHaveBeenCalled();
  });
});
