import fs from 'node:fs';
import type { Encoding } from '../../../shared/mentions';
import { streamDecoder } from './decode';
import { strictUtf8, validCharAt } from './utf8';

/**
 * Stands in for bytes that are not valid UTF-8, so that the row holding them can be quarantined with a reason
 * instead of silently carrying U+FFFD (which real exports also contain, legitimately).
 * A private-use character: it does not occur in monitoring exports.
 */
export const INVALID_BYTES_MARK = '\uE0FF';
const MARK_UTF8 = Buffer.from(INVALID_BYTES_MARK, 'utf8');

export type TextChunk = { text: string; bytesRead: number };

/** Replaces every invalid byte by the mark. Only runs on the rare chunk the fast decoder refused. */
function markInvalidUtf8(bytes: Buffer): Buffer {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; ) {
    const len = validCharAt(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    out.push(bytes.subarray(start, i), MARK_UTF8);
    start = ++i;
  }
  out.push(bytes.subarray(start));
  return Buffer.concat(out);
}

/** Splits off a trailing incomplete UTF-8 character so chunk boundaries never cut one. */
function completeUtf8Prefix(bytes: Buffer): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? bytes.length - back : bytes.length;
    }
    return bytes.length;
  }
  return bytes.length;
}

/**
 * Streams a file as decoded text, chunk by chunk, so memory does not grow with the file.
 * Invalid UTF-8 becomes INVALID_BYTES_MARK; other encodings decode through the platform's TextDecoder.
 */
export async function* readText(
  file: string,
  encoding: Encoding,
  skipBytes: number,
  chunkSize = 1 << 20,
): AsyncGenerator<TextChunk> {
  const stream = fs.createReadStream(file, { start: skipBytes, highWaterMark: chunkSize });
  let bytesRead = skipBytes;
  if (encoding !== 'utf-8') {
    const decoder = streamDecoder(encoding);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      yield { text: decoder.write(chunk), bytesRead };
    }
    const rest = decoder.end();
    if (rest) yield { text: rest, bytesRead };
    return;
  }
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const cut = completeUtf8Prefix(bytes);
    carry = Buffer.from(bytes.subarray(cut));
    yield { text: decodeMarking(bytes.subarray(0, cut)), bytesRead };
  }
  if (carry.length) yield { text: decodeMarking(carry), bytesRead };
}

function decodeMarking(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return markInvalidUtf8(bytes).toString('utf8');
  }
}
