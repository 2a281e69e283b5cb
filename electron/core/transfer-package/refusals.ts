import { AppError } from '../errors';

/** Why a chosen file was not opened as a transfer package, in the order they are checked. */
export type PackageRefusalKind = 'not-a-package' | 'newer-format' | 'altered' | 'damaged' | 'wrong-passphrase';

export class PackageRefusal extends Error {
  constructor(readonly kind: PackageRefusalKind) {
    super(`transfer package refused: ${kind}`);
    this.name = 'PackageRefusal';
  }
}

const WRONG_PASSPHRASE = 'That passphrase does not open this package';

/** What the receiving DSL is told, with what to do next. */
export function refusalError(refusal: PackageRefusal): AppError {
  switch (refusal.kind) {
    case 'not-a-package':
      return new AppError('invalid_input', 'That file is not a transfer package. Choose the file ending “.ypsi-transfer” the other school sent.');
    case 'newer-format':
      return new AppError('invalid_input', 'That transfer package was made by a newer version of this app. Update the app here, then open it again.');
    case 'altered':
      return new AppError('damaged', 'This transfer package has been altered or damaged: the file changed after it was made (even one changed byte shows). Nothing was imported. Ask the sending school to send it again.');
    case 'damaged':
      return new AppError('damaged', 'This transfer package is damaged and cannot be read. Nothing was imported. Ask the sending school to make it again.');
    case 'wrong-passphrase':
      return new AppError('bad_credentials', `${WRONG_PASSPHRASE}: it is the wrong passphrase. Check it with the sending school’s DSL (by phone, not in the same email as the file).`, { passphrase: WRONG_PASSPHRASE });
  }
}
