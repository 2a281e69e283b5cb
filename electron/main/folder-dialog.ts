import { app, dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';

/**
 * The core's `chooseFolder`: asks the DSL where to keep backups (a USB stick or another
 * drive, ideally), starting in their Documents folder. Null when they cancel, so nothing
 * changes. The dialog is modal to the window when there is one.
 */
export function folderDialogChooser(getWindow: () => BrowserWindow | null): () => Promise<string | null> {
  return async () => {
    const options: OpenDialogOptions = {
      title: 'Choose a folder for backups',
      buttonLabel: 'Use this folder',
      defaultPath: app.getPath('documents'),
      properties: ['openDirectory', 'createDirectory'],
    };
    const window = getWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
