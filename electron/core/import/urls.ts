const TRACKING = /^(utm_[a-z]+|fbclid|gclid|igshid|si|ref_src|ref_url|s|t)$/i;

/**
 * One URL per post however it was shared: no scheme or `www.` difference, no trailing slash, no tracking
 * parameters, no fragment. Used as the dedup key when an export has no native id.
 */
export function normaliseUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '').replace(/^twitter\.com$/, 'x.com');
  const params = [...url.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${path}${query}`;
}

const PLATFORM_HOSTS: [RegExp, string][] = [
  [/(^|\.)(twitter\.com|x\.com|t\.co)$/, 'x'],
  [/(^|\.)(facebook\.com|fb\.com|fb\.watch)$/, 'facebook'],
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube'],
  [/(^|\.)reddit\.com$/, 'reddit'],
  [/(^|\.)(t\.me|telegram\.me|telegram\.org)$/, 'telegram'],
  [/(^|\.)(vk\.com|vk\.ru|vkontakte\.ru)$/, 'vk'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)linkedin\.com$/, 'linkedin'],
  [/(^|\.)threads\.net$/, 'threads'],
  [/(^|\.)ok\.ru$/, 'ok'],
];

const PLATFORM_NAMES: Record<string, string> = {
  twitter: 'x', x: 'x', 'x (twitter)': 'x', tweet: 'x', facebook: 'facebook', instagram: 'instagram', youtube: 'youtube',
  reddit: 'reddit', telegram: 'telegram', vk: 'vk', vkontakte: 'vk', tiktok: 'tiktok', linkedin: 'linkedin',
  news: 'news', online_news: 'news', 'online news': 'news', blog: 'blog', blogs: 'blog', forum: 'forum', forums: 'forum',
  review: 'reviews', reviews: 'reviews', threads: 'threads', 'ok.ru': 'ok', odnoklassniki: 'ok',
};

/** A short platform id from what the export says ("Twitter", "X", "news") or, failing that, from the URL. */
export function platformOf(declared: string | null | undefined, url: string | null | undefined): string {
  // Talkwalker writes SOCIALMEDIA_TWITTER, ONLINENEWS_OTHER, ...
  const name = declared?.trim().toLowerCase().replace(/^socialmedia_/, '').replace(/^onlinenews.*/, 'news');
  if (name && PLATFORM_NAMES[name]) return PLATFORM_NAMES[name];
  if (url) {
    try {
      const host = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).hostname.toLowerCase();
      for (const [re, platform] of PLATFORM_HOSTS) if (re.test(host)) return platform;
    } catch {
      /* not a URL: fall through */
    }
  }
  return name ? name.slice(0, 40) : 'web';
}

const ID_IN_URL: [string, RegExp][] = [
  ['x', /^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/(?:[^/]+|i\/web)\/status(?:es)?\/(\d+)/i],
  ['vk', /^https?:\/\/(?:m\.)?vk\.(?:com|ru)\/wall(-?\d+_\d+)/i],
  ['youtube', /^https?:\/\/(?:www\.|m\.)?youtube\.com\/watch\?(?:.*&)?lc=([\w-]+)/i],
  ['telegram', /^https?:\/\/t\.me\/(?:s\/)?([\w]+\/\d+)/i],
  ['reddit', /^https?:\/\/(?:www\.|old\.)?reddit\.com\/r\/\w+\/comments\/\w+\/[^/]*\/(\w+)/i],
];

/**
 * The platform's own post id when the URL carries one (X status, VK wall post, YouTube comment, Telegram post,
 * Reddit comment). Monitoring tools export their own internal ids, so this is what lets two tools' exports of
 * the same post agree.
 */
export function platformIdFromUrl(platform: string, url: string | null): string | null {
  if (!url) return null;
  for (const [p, re] of ID_IN_URL) {
    if (p !== platform) continue;
    const m = re.exec(url.trim());
    if (m) return m[1];
  }
  return null;
}
