import { app, dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { OpenFilePurpose } from '../core/core-api';
import { TRANSFER_PACKAGE_EXTENSION } from '../../shared/domain/transfers/file-names';

const DIALOGS: Record<OpenFilePurpose, Pick<OpenDialogOptions, 'title' | 'buttonLabel' | 'filters'>> = {
  'transfer-package': {
    title: 'Choose the transfer package from the other school',
    buttonLabel: 'Open package',
    filters: [{ name: 'Transfer package', extensions: [TRANSFER_PACKAGE_EXTENSION.slice(1)] }],
  },
  'pupil-import': {
    title: 'Choose the pupil list exported from your MIS',
    buttonLabel: 'Read this file',
    filters: [
      { name: 'Pupil list (CSV or Common Transfer File)', extensions: ['csv', 'txt', 'xml'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
};

/**
 * The core's `chooseOpenPath`: asks the person which file to read in, starting in their
 * Documents folder. Null when they cancel, so nothing is read. The dialog is modal to the
 * window when there is one.
 */
export function openDialogChooser(getWindow: () => BrowserWindow | null): (purpose: OpenFilePurpose) => Promise<string | null> {
  return async (purpose) => {
    const options: OpenDialogOptions = { ...DIALOGS[purpose], defaultPath: app.getPath('documents'), properties: ['openFile'] };
    const window = getWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
