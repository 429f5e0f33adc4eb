import { JSONParser, type ParsedElementInfo } from '@streamparser/json';
import type { Encoding } from '../../../../shared/mentions';
import { fileError } from '../import-error';
import { INVALID_BYTES_MARK, readText } from '../text-stream';

export type JsonKey = string | number;
/** A value found at one of the streamed paths, and where: `['chats', 'list', 3, 'messages', 17]`. */
export type JsonValue = { value: unknown; keys: JsonKey[] };
export type JsonFile = { file: string; fileName: string; encoding: Encoding; bomLength: number };

/** The Twitter archive's tweets.js is a script: `window.YTD.tweets.part0 = [...]`. */
const SCRIPT_PREFIX = /^\s*window\.YTD\.[\w.]+\s*=\s*/;

/**
 * Feeds a JSON file to a streaming parser chunk by chunk, yielding after each how far the file is read: an export of
 * any size is read without holding it whole (JSON.parse of a 125 MB Telegram export peaked at 890 MB). Unreadable
 * bytes or JSON refuse the file, wherever they are.
 */
async function* fed(src: JsonFile, parser: JSONParser): AsyncGenerator<number> {
  let first = true;
  for await (const chunk of readText(src.file, src.encoding, src.bomLength)) {
    if (chunk.text.includes(INVALID_BYTES_MARK)) throw fileError(src.fileName, 'json_invalid_bytes');
    const text = first ? chunk.text.replace(SCRIPT_PREFIX, '') : chunk.text;
    first = false;
    parse(src, () => {
      if (!parser.isEnded) parser.write(text);
      else if (text.trim()) throw new Error(`unexpected "${text.trim().slice(0, 20)}" after the end of the document`);
    });
    yield chunk.bytesRead;
  }
  parse(src, () => {
    if (!parser.isEnded) parser.end();
  });
}

function parse(src: JsonFile, step: () => void): void {
  try {
    step();
  } catch (err) {
    throw fileError(src.fileName, 'json_invalid', { message: (err as Error).message });
  }
}

/**
 * The document as parsed from its first `bytes` (containers still open are cut short there, with what they hold so
 * far): enough to recognise an export and sample its records.
 */
export async function jsonHead(src: JsonFile, bytes: number): Promise<unknown> {
  const parser = new JSONParser({ keepStack: true });
  let root: unknown;
  parser.onValue = ({ value, parent, stack }: ParsedElementInfo) => {
    // The outermost open container, which holds everything so far; a completed top-level value is the root itself.
    root = stack.length > 1 ? stack[1].value : (parent ?? value);
  };
  for await (const bytesRead of fed(src, parser)) if (bytesRead >= bytes) break;
  return root;
}

/**
 * Streams the values at `paths` (`$.data.*`: each element of `data`), in document order: each yield holds those
 * completed in one chunk of the file, which are not kept after. `onBytes` hears how far the file is read.
 */
export async function* jsonValues(src: JsonFile, paths: readonly string[], onBytes?: (bytesRead: number) => void): AsyncGenerator<JsonValue[]> {
  const parser = new JSONParser({ paths: [...paths], keepStack: false });
  let found: JsonValue[] = [];
  parser.onValue = ({ value, key, stack }: ParsedElementInfo) => {
    found.push({ value, keys: [...stack.slice(1).map((s) => s.key as JsonKey), ...(key === undefined ? [] : [key])] });
  };
  for await (const bytesRead of fed(src, parser)) {
    onBytes?.(bytesRead);
    if (found.length) yield found;
    found = [];
  }
  if (found.length) yield found;
}
