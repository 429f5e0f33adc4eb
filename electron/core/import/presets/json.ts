import { en } from '../../../../shared/locales/en';
import type { MentionDraft } from '../draft';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const get = (o: unknown, ...path: string[]): unknown => path.reduce<unknown>((cur, k) => (isObj(cur) ? cur[k] : undefined), o);

export type JsonRecord = { draft: MentionDraft; raw: unknown };

/** A platform's own JSON export, recognised from its shape and read record by record. */
export type JsonPreset = {
  id: string;
  label: string;
  detect(doc: unknown): boolean;
  records(doc: unknown): Iterable<JsonRecord>;
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
/** The Twitter archive stores text HTML-escaped. */
export function decodeHtmlEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#39|#(\d+)|#x([0-9a-f]+));/gi, (m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

export const X_API_V2: JsonPreset = {
  id: 'x-api-v2',
  label: en.presets['x-api-v2'],
  // Tweets carry author_id / public_metrics / edit_history_tweet_ids; Instagram comments also have id + text.
  detect: (doc) => isObj(doc) && arr(doc.data).some((t) => isObj(t) && 'text' in t && ('author_id' in t || 'public_metrics' in t || 'edit_history_tweet_ids' in t)),
  *records(doc) {
    const users = new Map(arr(get(doc, 'includes', 'users')).filter(isObj).map((u) => [String(u.id), u]));
    for (const t of arr(get(doc, 'data')).filter(isObj)) {
      const user = users.get(String(t.author_id));
      const handle = user?.username ? String(user.username) : null;
      yield {
        raw: { tweet: t, author: user ?? null },
        draft: {
          nativeId: t.id, platform: 'x', text: t.text, date: t.created_at, lang: t.lang,
          url: handle ? `https://x.com/${handle}/status/${t.id}` : `https://x.com/i/web/status/${t.id}`,
          author: user?.name ?? handle, authorHandle: handle, authorFollowers: get(user, 'public_metrics', 'followers_count'),
          likes: get(t, 'public_metrics', 'like_count'), comments: get(t, 'public_metrics', 'reply_count'),
          shares: get(t, 'public_metrics', 'retweet_count'), views: get(t, 'public_metrics', 'impression_count'),
        },
      };
    }
  },
};

export const X_ARCHIVE: JsonPreset = {
  id: 'x-archive',
  label: en.presets['x-archive'],
  detect: (doc) => Array.isArray(doc) && doc.length > 0 && isObj(doc[0]) && isObj(doc[0].tweet),
  *records(doc) {
    for (const item of arr(doc).filter(isObj)) {
      const t = item.tweet as Obj;
      yield {
        raw: item,
        draft: {
          nativeId: t.id_str ?? t.id, platform: 'x', text: decodeHtmlEntities(String(t.full_text ?? t.text ?? '')), date: t.created_at,
          lang: t.lang, url: `https://x.com/i/web/status/${String(t.id_str ?? t.id)}`, likes: t.favorite_count, shares: t.retweet_count,
        },
      };
    }
  },
};

/** Telegram message text: a string, or an array of strings and {type, text} pieces (links, bold, mentions). */
function telegramText(text: unknown): string {
  if (typeof text === 'string') return text;
  return arr(text).map((p) => (typeof p === 'string' ? p : isObj(p) ? String(p.text ?? '') : '')).join('');
}

export const TELEGRAM: JsonPreset = {
  id: 'telegram',
  label: en.presets.telegram,
  detect: (doc) => isObj(doc) && (Array.isArray(doc.messages) || Array.isArray(get(doc, 'chats', 'list'))),
  *records(doc) {
    const chats = Array.isArray((doc as Obj).messages) ? [doc as Obj] : arr(get(doc, 'chats', 'list')).filter(isObj);
    for (const chat of chats) {
      for (const msg of arr(chat.messages).filter(isObj)) {
        if (msg.type !== 'message') continue; // joins, pins and calls are not things people said
        const text = telegramText(msg.text);
        if (!text.trim()) continue;
        yield {
          raw: { chat: { id: chat.id, name: chat.name, type: chat.type }, message: msg },
          draft: {
            nativeId: `${String(chat.id)}:${String(msg.id)}`, platform: 'telegram', text,
            // date_unixtime is exact (a string of seconds); `date` has no offset.
            date: msg.date_unixtime !== undefined ? Number(msg.date_unixtime) : msg.date,
            author: msg.from ?? chat.name, authorHandle: msg.from_id, title: chat.name,
            views: msg.views, shares: msg.forwards,
          },
        };
      }
    }
  },
};

export const VK_WALL: JsonPreset = {
  id: 'vk-wall',
  label: en.presets['vk-wall'],
  detect: (doc) => {
    const items = arr(get(doc, 'response', 'items') ?? get(doc, 'items'));
    return items.length > 0 && isObj(items[0]) && 'owner_id' in items[0] && 'date' in items[0];
  },
  *records(doc) {
    const root = isObj(get(doc, 'response')) ? (get(doc, 'response') as Obj) : (doc as Obj);
    const profiles = new Map(arr(root.profiles).filter(isObj).map((p) => [Number(p.id), `${String(p.first_name ?? '')} ${String(p.last_name ?? '')}`.trim()]));
    const groups = new Map(arr(root.groups).filter(isObj).map((g) => [-Number(g.id), String(g.name ?? '')]));
    for (const post of arr(root.items).filter(isObj)) {
      const from = Number(post.from_id ?? post.owner_id); // negative ids are communities
      yield {
        raw: post,
        draft: {
          nativeId: `${String(post.owner_id)}_${String(post.id)}`, platform: 'vk', text: post.text, date: Number(post.date),
          url: `https://vk.com/wall${String(post.owner_id)}_${String(post.id)}`,
          author: (from < 0 ? groups.get(from) : profiles.get(from)) ?? String(from), authorHandle: String(from),
          likes: get(post, 'likes', 'count'), comments: get(post, 'comments', 'count'), shares: get(post, 'reposts', 'count'), views: get(post, 'views', 'count'),
        },
      };
    }
  },
};

export const META_COMMENTS: JsonPreset = {
  id: 'meta-comments',
  label: en.presets['meta-comments'],
  detect: (doc) => {
    const first = arr(get(doc, 'data'))[0];
    return isObj(first) && ('message' in first || ('text' in first && ('timestamp' in first || 'username' in first))) && ('created_time' in first || 'timestamp' in first);
  },
  *records(doc) {
    for (const c of arr(get(doc, 'data')).filter(isObj)) {
      const instagram = 'timestamp' in c;
      yield {
        raw: c,
        draft: {
          nativeId: c.id, platform: instagram ? 'instagram' : 'facebook', text: c.message ?? c.text,
          date: c.created_time ?? c.timestamp, url: c.permalink_url ?? c.permalink,
          author: get(c, 'from', 'name') ?? c.username, authorHandle: get(c, 'from', 'id') ?? c.username,
          likes: c.like_count, comments: c.comment_count,
        },
      };
    }
  },
};

export const YOUTUBE_COMMENTS: JsonPreset = {
  id: 'youtube-comments',
  label: en.presets['youtube-comments'],
  detect: (doc) => get(doc, 'kind') === 'youtube#commentThreadListResponse' || isObj(get(arr(get(doc, 'items'))[0], 'snippet', 'topLevelComment')),
  *records(doc) {
    for (const thread of arr(get(doc, 'items')).filter(isObj)) {
      const c = get(thread, 'snippet', 'topLevelComment') as Obj | undefined;
      const s = get(c, 'snippet') as Obj | undefined;
      if (!c || !s) continue;
      const video = s.videoId ?? get(thread, 'snippet', 'videoId');
      yield {
        raw: thread,
        draft: {
          nativeId: c.id, platform: 'youtube', text: s.textOriginal ?? s.textDisplay, date: s.publishedAt,
          url: video ? `https://www.youtube.com/watch?v=${String(video)}&lc=${String(c.id)}` : null,
          author: s.authorDisplayName, authorHandle: get(s, 'authorChannelId', 'value'), likes: s.likeCount,
          comments: get(thread, 'snippet', 'totalReplyCount'),
        },
      };
    }
  },
};

/** Reddit / Pushshift objects, one per line (JSON Lines) or in an array. */
export function redditDraft(o: Obj): MentionDraft | null {
  if (!('created_utc' in o) || !('subreddit' in o || 'permalink' in o)) return null;
  return {
    nativeId: o.name ?? o.id, platform: 'reddit', title: o.title, text: o.body ?? o.selftext ?? '',
    date: Number(o.created_utc), // sometimes a quoted string
    url: o.permalink ? `https://www.reddit.com${String(o.permalink)}` : o.url, author: o.author, authorHandle: o.author,
    likes: o.score, comments: o.num_comments,
  };
}

export const REDDIT: JsonPreset = {
  id: 'reddit',
  label: en.presets.reddit,
  detect: (doc) => Array.isArray(doc) && isObj(doc[0]) && redditDraft(doc[0]) !== null,
  *records(doc) {
    for (const o of arr(doc).filter(isObj)) {
      const draft = redditDraft(o);
      if (draft) yield { raw: o, draft };
    }
  },
};

export const JSON_PRESETS: readonly JsonPreset[] = [X_API_V2, X_ARCHIVE, TELEGRAM, VK_WALL, META_COMMENTS, YOUTUBE_COMMENTS, REDDIT];

export function recogniseJsonPreset(doc: unknown): JsonPreset | null {
  return JSON_PRESETS.find((p) => p.detect(doc)) ?? null;
}

/** A generic JSON export: an array of flat objects (or {data|items|results: [...]}) read like a table. */
export function genericObjects(doc: unknown): Obj[] | null {
  const list = Array.isArray(doc) ? doc : arr(get(doc, 'data') ?? get(doc, 'items') ?? get(doc, 'results') ?? get(doc, 'mentions'));
  if (list.length === 0 || !list.every(isObj)) return null;
  return list as Obj[];
}
