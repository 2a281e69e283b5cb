import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { extname, join } from 'node:path';
import { TRANSFER_PACKAGE_EXTENSION } from '../../shared/domain/transfers/file-names';

/** The file type the core suggested, so the dialog keeps its extension: a PDF, or a transfer package. */
function filterFor(suggestedFileName: string): { name: string; extensions: string[] } {
  return extname(suggestedFileName).toLowerCase() === TRANSFER_PACKAGE_EXTENSION
    ? { name: 'Transfer package', extensions: [TRANSFER_PACKAGE_EXTENSION.slice(1)] }
    : { name: 'PDF', extensions: ['pdf'] };
}

/**
 * The core's `chooseSavePath`: asks the person where to save an exported PDF, starting in
 * their Documents folder with the name the core suggests (a reference, never a pupil's
 * name). Null when they cancel, so nothing is written. The dialog is modal to the window
 * when there is one.
 */
export function saveDialogChooser(getWindow: () => BrowserWindow | null): (suggestedFileName: string) => Promise<string | null> {
  return async (suggestedFileName) => {
    const options: SaveDialogOptions = {
      defaultPath: join(app.getPath('documents'), suggestedFileName),
      filters: [filterFor(suggestedFileName)],
    };
    const window = getWindow();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
