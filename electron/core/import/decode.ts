import iconv from 'iconv-lite';
import type { Encoding } from '../../../shared/mentions';

export type StreamDecoder = { write(bytes: Buffer): string; end(): string };

/**
 * Decoders for the legacy code pages. Node 20's TextDecoder('windows-1252') silently decodes as ISO-8859-1
 * (0x93 becomes a control character instead of “), so single-byte pages go through iconv-lite.
 */
export function streamDecoder(encoding: Encoding): StreamDecoder {
  const decoder = iconv.getDecoder(encoding);
  return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
}

export function decodeAll(bytes: Buffer, encoding: Encoding): string {
  return iconv.decode(bytes, encoding);
}
