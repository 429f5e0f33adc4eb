import { en } from '../../../../shared/locales/en';
import type { MentionDraft } from '../draft';
import type { JsonKey } from '../sources/json-stream';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const get = (o: unknown, ...path: string[]): unknown => path.reduce<unknown>((cur, k) => (isObj(cur) ? cur[k] : undefined), o);

export type JsonRecord = { draft: MentionDraft; raw: unknown };

/** Parts of a document read whole before its records (the users that tweets point at), by their dotted path. */
export type Gathered = Record<string, unknown>;
/** Reads the streamed values in document order: a record, or null for one that is not (or that only says what follows). */
export type JsonReader = (value: unknown, keys: readonly JsonKey[]) => JsonRecord | null;

/**
 * A platform's own JSON export, recognised from its start and streamed record by record (sources/json-stream.ts):
 * `gather` paths are read whole in a first pass, `stream` paths value by value in a second.
 */
export type JsonPreset = {
  id: string;
  label: string;
  /** Recognises the export from the document's start (containers cut short where the start ends). */
  detect(head: unknown): boolean;
  gather?: readonly string[];
  stream: readonly string[];
  reader(gathered: Gathered): JsonReader;
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
  gather: ['$.includes.users'], // after the tweets in the document
  stream: ['$.data.*'],
  reader(gathered) {
    const users = new Map(arr(gathered['includes.users']).filter(isObj).map((u) => [String(u.id), u]));
    return (t) => {
      if (!isObj(t)) return null;
      const user = users.get(String(t.author_id));
      const handle = user?.username ? String(user.username) : null;
      return {
        raw: { tweet: t, author: user ?? null },
        draft: {
          nativeId: t.id, platform: 'x', text: t.text, date: t.created_at, lang: t.lang,
          url: handle ? `https://x.com/${handle}/status/${t.id}` : `https://x.com/i/web/status/${t.id}`,
          author: user?.name ?? handle, authorHandle: handle, authorFollowers: get(user, 'public_metrics', 'followers_count'),
          likes: get(t, 'public_metrics', 'like_count'), comments: get(t, 'public_metrics', 'reply_count'),
          shares: get(t, 'public_metrics', 'retweet_count'), views: get(t, 'public_metrics', 'impression_count'),
        },
      };
    };
  },
};

export const X_ARCHIVE: JsonPreset = {
  id: 'x-archive',
  label: en.presets['x-archive'],
  detect: (doc) => Array.isArray(doc) && doc.length > 0 && isObj(doc[0]) && isObj(doc[0].tweet),
  stream: ['$.*'],
  reader: () => (item) => {
    if (!isObj(item) || !isObj(item.tweet)) return null;
    const t = item.tweet;
    return {
      raw: item,
      draft: {
        nativeId: t.id_str ?? t.id, platform: 'x', text: decodeHtmlEntities(String(t.full_text ?? t.text ?? '')), date: t.created_at,
        lang: t.lang, url: `https://x.com/i/web/status/${String(t.id_str ?? t.id)}`, likes: t.favorite_count, shares: t.retweet_count,
      },
    };
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
  // One chat's export, or the full export's chats; a chat's name, type and id come before its messages.
  stream: ['$.name', '$.type', '$.id', '$.messages.*', '$.chats.list.*.name', '$.chats.list.*.type', '$.chats.list.*.id', '$.chats.list.*.messages.*'],
  reader() {
    let chat: Obj = {};
    let chatAt = '';
    return (msg, keys) => {
      if (keys[keys.length - 2] !== 'messages') {
        const at = keys.slice(0, -1).join('.');
        if (at !== chatAt) [chat, chatAt] = [{}, at];
        chat[String(keys[keys.length - 1])] = msg;
        return null;
      }
      if (!isObj(msg) || msg.type !== 'message') return null; // joins, pins and calls are not things people said
      const text = telegramText(msg.text);
      if (!text.trim()) return null;
      return {
        raw: { chat: { id: chat.id, name: chat.name, type: chat.type }, message: msg },
        draft: {
          nativeId: `${String(chat.id)}:${String(msg.id)}`, platform: 'telegram', text,
          // date_unixtime is exact (a string of seconds); `date` has no offset.
          date: msg.date_unixtime !== undefined ? Number(msg.date_unixtime) : msg.date,
          author: msg.from ?? chat.name, authorHandle: msg.from_id, title: chat.name,
          views: msg.views, shares: msg.forwards,
        },
      };
    };
  },
};

export const VK_WALL: JsonPreset = {
  id: 'vk-wall',
  label: en.presets['vk-wall'],
  detect: (doc) => {
    const items = arr(get(doc, 'response', 'items') ?? get(doc, 'items'));
    return items.length > 0 && isObj(items[0]) && 'owner_id' in items[0] && 'date' in items[0];
  },
  gather: ['$.response.profiles', '$.response.groups', '$.profiles', '$.groups'], // `extended`: after the posts
  stream: ['$.response.items.*', '$.items.*'],
  reader(gathered) {
    const profiles = new Map(arr(gathered['response.profiles'] ?? gathered.profiles).filter(isObj).map((p) => [Number(p.id), `${String(p.first_name ?? '')} ${String(p.last_name ?? '')}`.trim()]));
    const groups = new Map(arr(gathered['response.groups'] ?? gathered.groups).filter(isObj).map((g) => [-Number(g.id), String(g.name ?? '')]));
    return (post) => {
      if (!isObj(post)) return null;
      const from = Number(post.from_id ?? post.owner_id); // negative ids are communities
      return {
        raw: post,
        draft: {
          nativeId: `${String(post.owner_id)}_${String(post.id)}`, platform: 'vk', text: post.text, date: Number(post.date),
          url: `https://vk.com/wall${String(post.owner_id)}_${String(post.id)}`,
          author: (from < 0 ? groups.get(from) : profiles.get(from)) ?? String(from), authorHandle: String(from),
          likes: get(post, 'likes', 'count'), comments: get(post, 'comments', 'count'), shares: get(post, 'reposts', 'count'), views: get(post, 'views', 'count'),
        },
      };
    };
  },
};

export const META_COMMENTS: JsonPreset = {
  id: 'meta-comments',
  label: en.presets['meta-comments'],
  detect: (doc) => {
    const first = arr(get(doc, 'data'))[0];
    return isObj(first) && ('message' in first || ('text' in first && ('timestamp' in first || 'username' in first))) && ('created_time' in first || 'timestamp' in first);
  },
  stream: ['$.data.*'],
  reader: () => (c) => {
    if (!isObj(c)) return null;
    const instagram = 'timestamp' in c;
    return {
      raw: c,
      draft: {
        nativeId: c.id, platform: instagram ? 'instagram' : 'facebook', text: c.message ?? c.text,
        date: c.created_time ?? c.timestamp, url: c.permalink_url ?? c.permalink,
        author: get(c, 'from', 'name') ?? c.username, authorHandle: get(c, 'from', 'id') ?? c.username,
        likes: c.like_count, comments: c.comment_count,
      },
    };
  },
};

export const YOUTUBE_COMMENTS: JsonPreset = {
  id: 'youtube-comments',
  label: en.presets['youtube-comments'],
  detect: (doc) => get(doc, 'kind') === 'youtube#commentThreadListResponse' || isObj(get(arr(get(doc, 'items'))[0], 'snippet', 'topLevelComment')),
  stream: ['$.items.*'],
  reader: () => (thread) => {
    const c = get(thread, 'snippet', 'topLevelComment') as Obj | undefined;
    const s = get(c, 'snippet') as Obj | undefined;
    if (!c || !s) return null;
    const video = s.videoId ?? get(thread, 'snippet', 'videoId');
    return {
      raw: thread,
      draft: {
        nativeId: c.id, platform: 'youtube', text: s.textOriginal ?? s.textDisplay, date: s.publishedAt,
        url: video ? `https://www.youtube.com/watch?v=${String(video)}&lc=${String(c.id)}` : null,
        author: s.authorDisplayName, authorHandle: get(s, 'authorChannelId', 'value'), likes: s.likeCount,
        comments: get(thread, 'snippet', 'totalReplyCount'),
      },
    };
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
  stream: ['$.*'],
  reader: () => (o) => {
    const draft = isObj(o) ? redditDraft(o) : null;
    return draft ? { raw: o, draft } : null;
  },
};

export const JSON_PRESETS: readonly JsonPreset[] = [X_API_V2, X_ARCHIVE, TELEGRAM, VK_WALL, META_COMMENTS, YOUTUBE_COMMENTS, REDDIT];

export function recogniseJsonPreset(doc: unknown): JsonPreset | null {
  return JSON_PRESETS.find((p) => p.detect(doc)) ?? null;
}

const GENERIC_LISTS = ['data', 'items', 'results', 'mentions'];

/**
 * A generic JSON export: an array of objects (or {data|items|results|mentions: [...]}) read like a table. From the
 * document's start: where its list is (a path to stream) and its first objects, whose keys become the columns.
 */
export function genericList(head: unknown): { path: string; sample: Obj[] } | null {
  const key = Array.isArray(head) ? null : GENERIC_LISTS.find((k) => Array.isArray(get(head, k)));
  const list = key ? arr(get(head, key)) : arr(head);
  if (list.length === 0 || !list.every(isObj)) return null;
  return { path: key ? `$.${key}.*` : '$.*', sample: list as Obj[] };
}
