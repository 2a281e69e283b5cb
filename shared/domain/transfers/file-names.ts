/**
 * A transfer package's file extension (issue 20): one file that only this app opens, so the
 * save and open dialogs offer it by name and a receiving DSL can tell it from a PDF.
 */
export const TRANSFER_PACKAGE_EXTENSION = '.ypsi-transfer';
