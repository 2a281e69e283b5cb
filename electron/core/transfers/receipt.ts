import { createHash, createHmac } from 'node:crypto';
import { RECEIPT_CODE_ALPHABET, RECEIPT_CODE_LENGTH } from '../../../shared/domain/transfers/receipt-code';

/**
 * The receipt code for a package (issue 20): derived from a random secret sealed inside the
 * package, so only someone who opened it with the passphrase can give it back. Sixteen base32
 * characters of HMAC-SHA256(secret, packageId).
 */
export function receiptCodeFor(secret: Buffer, packageId: string): string {
  const mac = createHmac('sha256', secret).update(packageId).digest();
  let code = '';
  // 5 bits per character, taken in order from the MAC: 16 × 5 = 80 bits.
  for (let i = 0; i < RECEIPT_CODE_LENGTH; i++) {
    const bit = i * 5;
    const byte = bit >> 3;
    const pair = ((mac[byte]! << 8) | mac[byte + 1]!) >> (11 - (bit & 7));
    code += RECEIPT_CODE_ALPHABET[pair & 31]!;
  }
  return code;
}

/**
 * What the sending school keeps of the code it expects (transfers.receipt_check): its SHA-256,
 * so the code itself is not in the database to be read off by someone who never received the file.
 * Given the normalised code (`normaliseReceiptCode`).
 */
export function receiptCheckOf(normalisedCode: string): string {
  return createHash('sha256').update(`receipt-code\n${normalisedCode}`).digest('hex');
}
