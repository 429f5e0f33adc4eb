import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

/**
 * Backups encrypted with the team's passphrase: a USB drive left in a taxi must not become the next crisis. The file
 * is a line naming the format, a line of JSON with the key derivation's salt and the nonce, then the SQLite file
 * encrypted with AES-256-GCM, then GCM's 16-byte tag, which authenticates the whole content (a wrong passphrase and
 * an altered file both fail it, and nothing decrypted is used before it holds).
 */
const MAGIC = 'FIREBREAK ENCRYPTED BACKUP\n';
const TAG_BYTES = 16;
/** scrypt at N = 2^15, r = 8: about 0.1 s and 32 MB per guess, here and for anyone trying passphrases. */
const KDF = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;

export type BackupKey = { salt: string; key: Buffer };
type Header = { v: 1; kdf: 'scrypt'; N: number; r: number; p: number; salt: string; iv: string };

export async function deriveKey(passphrase: string, salt = randomBytes(16).toString('base64')): Promise<BackupKey> {
  const key = await new Promise<Buffer>((resolve, reject) =>
    scryptCb(passphrase.normalize('NFC'), Buffer.from(salt, 'base64'), 32, KDF, (err, k) => (err ? reject(err) : resolve(k))),
  );
  return { salt, key };
}

export function isEncryptedBackup(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.toString('latin1') === MAGIC;
  } finally {
    fs.closeSync(fd);
  }
}

export async function encryptFile(plainFile: string, outFile: string, { salt, key }: BackupKey): Promise<void> {
  const iv = randomBytes(12);
  const header: Header = { v: 1, kdf: 'scrypt', N: KDF.N, r: KDF.r, p: KDF.p, salt, iv: iv.toString('base64') };
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const out = fs.createWriteStream(outFile);
  out.write(`${MAGIC}${JSON.stringify(header)}\n`);
  await pipeline(fs.createReadStream(plainFile), cipher, out, { end: false });
  await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), () => resolve()).once('error', reject));
}

/** The salt a file was encrypted under: the laptop that made it has that key, and needs no passphrase typed. */
export function saltOf(file: string): string {
  return readHeader(file).header.salt;
}

/**
 * Decrypts into `outFile`; false when the key does not open it (a wrong passphrase, or the file was altered: GCM
 * cannot tell them apart), and then `outFile` is removed.
 */
export async function decryptFile(file: string, outFile: string, keyOrPassphrase: BackupKey | string): Promise<boolean> {
  const { header, bodyStart } = readHeader(file);
  const key = typeof keyOrPassphrase === 'string' ? (await deriveKey(keyOrPassphrase, header.salt)).key : keyOrPassphrase.key;
  const size = fs.statSync(file).size;
  if (size < bodyStart + TAG_BYTES) return false;
  const tag = Buffer.alloc(TAG_BYTES);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    fs.closeSync(fd);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAuthTag(tag);
  try {
    await pipeline(fs.createReadStream(file, { start: bodyStart, end: size - TAG_BYTES - 1 }), decipher, fs.createWriteStream(outFile));
    return true;
  } catch (err) {
    await fs.promises.rm(outFile, { force: true });
    if (/unable to authenticate/i.test((err as Error).message)) return false;
    throw err;
  }
}

function readHeader(file: string): { header: Header; bodyStart: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, n).toString('latin1');
    const end = text.indexOf('\n', MAGIC.length);
    if (!text.startsWith(MAGIC) || end < 0) throw Object.assign(new Error('not an encrypted backup'), { code: 'SQLITE_NOTADB' });
    const header = JSON.parse(text.slice(MAGIC.length, end)) as Header;
    if (header.v !== 1 || header.kdf !== 'scrypt' || typeof header.salt !== 'string' || typeof header.iv !== 'string') {
      throw Object.assign(new Error('unknown encrypted backup format'), { code: 'SQLITE_NOTADB' });
    }
    return { header, bodyStart: end + 1 };
  } finally {
    fs.closeSync(fd);
  }
}
