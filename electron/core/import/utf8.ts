export const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Length of the valid UTF-8 character at `i`, or 0 when the bytes there are not one. */
export function validCharAt(bytes: Buffer, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const len = b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
  if (len === 0 || i + len > bytes.length) return 0;
  try {
    strictUtf8.decode(bytes.subarray(i, i + len)); // also refuses overlong forms and surrogates
    return len;
  } catch {
    return 0;
  }
}
