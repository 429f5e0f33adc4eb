import { createHash } from 'node:crypto';
import { normaliseUrl, platformIdFromUrl } from './urls';

/**
 * The stable identity of a mention across exports: platform + the platform's own post id (read from the URL when
 * it carries one, since tools export their internal ids), else the export's id, else the normalised URL, else a
 * hash of author, minute and whitespace/case-folded text.
 */
export function dedupKey(m: { platform: string; nativeId: string | null; url: string | null; author: string | null; publishedAt: number; text: string }): string {
  const postId = platformIdFromUrl(m.platform, m.url) ?? m.nativeId;
  if (postId) return `id:${m.platform}:${postId}`;
  const url = normaliseUrl(m.url);
  if (url) return `url:${url}`;
  const text = m.text.toLocaleLowerCase().replace(/\s+/g, ' ').trim();
  const minute = Math.floor(m.publishedAt / 60_000);
  return `h:${createHash('sha1').update(`${(m.author ?? '').toLocaleLowerCase()}\u0000${minute}\u0000${text}`).digest('base64url')}`;
}
