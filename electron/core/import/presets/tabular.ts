import { en } from '../../../../shared/locales/en';
import type { ColumnMapping, DateOrder, MappableField } from '../../../../shared/mentions';

/** A monitoring tool's spreadsheet export, recognised from its header. */
export type TabularPreset = {
  id: string;
  label: string;
  /** Columns whose presence identifies the tool (case-insensitive). */
  markers: string[];
  /** Canonical field -> candidate column names, first present wins. */
  columns: Partial<Record<MappableField, string[]>>;
  /** How ambiguous dates like 03/04/2024 are read unless the file proves otherwise. */
  dateOrder: DateOrder;
  /** The tool put an apostrophe before cells a spreadsheet would run as a formula (csv-cell.ts): taken off on import. */
  defused?: boolean;
};

export const BRANDWATCH: TabularPreset = {
  id: 'brandwatch',
  label: en.presets.brandwatch,
  markers: ['Query Id', 'Query Name', 'Snippet', 'Full Text', 'Page Type'],
  columns: {
    nativeId: ['Resource Id', 'Mention Id', 'Tweet Id'],
    text: ['Full Text', 'Snippet'],
    textFallback: ['Snippet'],
    title: ['Title'],
    date: ['Date'],
    url: ['Url', 'URL'],
    platform: ['Page Type', 'Content Source Name', 'Domain'],
    author: ['Full Name', 'Author'],
    authorHandle: ['Author'],
    authorFollowers: ['X Followers', 'Twitter Followers', 'Followers'],
    sentiment: ['Sentiment'],
    reach: ['Reach (new)', 'Reach', 'Impressions', 'Potential Audience'],
    engagement: ['Engagement Score', 'Engagement'],
    likes: ['Likes', 'X Likes', 'Twitter Likes'],
    comments: ['Comments', 'X Replies', 'Twitter Replies'],
    shares: ['Shares', 'X Reposts', 'Twitter Retweets'],
    views: ['Views', 'Video Views'],
    lang: ['Language'],
    country: ['Country'],
  },
  dateOrder: 'day-first',
};

export const TALKWALKER: TabularPreset = {
  id: 'talkwalker',
  label: en.presets.talkwalker,
  markers: ['published', 'content', 'sentiment', 'reach', 'engagement', 'extra_author_attributes.name'],
  columns: {
    nativeId: ['external_id', 'id'],
    text: ['content', 'content_snippet'],
    textFallback: ['content_snippet'],
    title: ['title', 'title_snippet'],
    date: ['published'],
    url: ['url'],
    platform: ['source_type', 'extra_source_attributes.name', 'domain_url'],
    author: ['extra_author_attributes.name'],
    authorHandle: ['extra_author_attributes.short_name', 'extra_author_attributes.id'],
    authorFollowers: ['source_extended_attributes.twitter_followers', 'extra_author_attributes.followers', 'source_extended_attributes.followers'],
    sentiment: ['sentiment'],
    reach: ['reach'],
    engagement: ['engagement'],
    likes: ['likes', 'article_extended_attributes.twitter_likes', 'article_extended_attributes.facebook_likes'],
    comments: ['comments', 'article_extended_attributes.twitter_replies'],
    shares: ['shares', 'article_extended_attributes.twitter_retweets', 'article_extended_attributes.facebook_shares'],
    views: ['article_extended_attributes.youtube_views', 'views'],
    lang: ['lang', 'language'],
    country: ['extra_source_attributes.world_data.country', 'extra_author_attributes.world_data.country', 'country'],
  },
  dateOrder: 'day-first',
};

export const MELTWATER: TabularPreset = {
  id: 'meltwater',
  label: en.presets.meltwater,
  markers: ['Headline', 'Opening Text', 'Hit Sentence', 'Influencer', 'Reach'],
  columns: {
    nativeId: ['Tweet Id', 'Document ID'],
    text: ['Hit Sentence', 'Opening Text'],
    textFallback: ['Opening Text'],
    title: ['Headline'],
    date: ['Date'],
    time: ['Time'],
    url: ['URL'],
    platform: ['Source', 'Source Type'],
    author: ['Influencer', 'Author'],
    authorFollowers: ['Twitter Followers', 'Followers'],
    sentiment: ['Sentiment'],
    reach: ['Reach'],
    engagement: ['Engagement'],
    likes: ['Likes', 'Twitter Likes'],
    comments: ['Comments', 'Replies'],
    shares: ['Shares', 'Retweets', 'Reposts'],
    views: ['Views'],
    lang: ['Language'],
    country: ['Country'],
  },
  dateOrder: 'day-first',
};

export const PULSAR: TabularPreset = {
  id: 'pulsar',
  label: en.presets.pulsar,
  markers: ['ID', 'Search', 'Source', 'Application', 'Content', 'Parent'],
  columns: {
    nativeId: ['ID'],
    text: ['Content'],
    title: ['Title'],
    date: ['Date'],
    url: ['URL'],
    platform: ['Source'],
    author: ['User Name', 'Author', 'Screen Name'],
    authorHandle: ['Screen Name', 'User Screen Name'],
    authorFollowers: ['User Followers', 'Followers'],
    sentiment: ['Sentiment'],
    reach: ['Visibility', 'Reach', 'Impressions'],
    engagement: ['Engagement'],
    likes: ['Likes'],
    comments: ['Comments', 'Replies'],
    shares: ['Shares', 'Retweets'],
    views: ['Views'],
    lang: ['Language'],
    country: ['Country', 'Location'],
  },
  dateOrder: 'day-first',
};

/** Anything else: the columns are guessed from common names (several languages) and shown for correction. */
export const GENERIC: TabularPreset = {
  id: 'generic',
  label: en.presets.generic,
  markers: [],
  columns: {
    nativeId: ['id', 'post_id', 'post id', 'tweet_id', 'tweet id', 'mention id', 'message_id'],
    text: ['text', 'content', 'full text', 'full_text', 'message', 'body', 'post', 'tweet', 'snippet', 'comment', 'текст', 'сообщение', 'متن', 'κείμενο'],
    title: ['title', 'headline', 'subject', 'заголовок', 'عنوان', 'τίτλος'],
    date: ['date', 'published', 'published_at', 'created_at', 'created', 'timestamp', 'datetime', 'time', 'дата', 'تاریخ', 'ημερομηνία'],
    url: ['url', 'link', 'permalink', 'post url', 'ссылка', 'پیوند', 'σύνδεσμος'],
    platform: ['platform', 'source', 'network', 'site', 'channel', 'площадка', 'источник'],
    author: ['author', 'user', 'username', 'user name', 'name', 'screen_name', 'автор', 'نویسنده', 'συντάκτης'],
    authorHandle: ['handle', 'screen name', 'login'],
    authorFollowers: ['followers', 'followers_count', 'subscribers', 'подписчики'],
    sentiment: ['sentiment', 'tone', 'тональность'],
    reach: ['reach', 'audience', 'impressions', 'охват'],
    engagement: ['engagement', 'вовлеченность'],
    likes: ['likes', 'like_count', 'favorites', 'лайки'],
    comments: ['comments', 'replies', 'reply_count', 'комментарии'],
    shares: ['shares', 'retweets', 'reposts', 'репосты'],
    views: ['views', 'view_count', 'просмотры'],
    lang: ['lang', 'language', 'язык'],
    country: ['country', 'страна'],
  },
  dateOrder: 'day-first',
};

/** Mentions exported from Firebreak itself (mention-export.ts), e.g. to split a crisis or to merge a colleague's work. */
export const FIREBREAK: TabularPreset = {
  id: 'firebreak',
  label: en.presets.firebreak,
  markers: ['firebreak_id', 'sentiment_by', 'import_file', 'triage', 'handle'],
  columns: {
    nativeId: ['id'],
    text: ['text'],
    title: ['title'],
    date: ['date'],
    url: ['url'],
    platform: ['platform'],
    author: ['author'],
    authorHandle: ['handle'],
    authorFollowers: ['followers'],
    sentiment: ['sentiment'],
    reach: ['reach'],
    engagement: ['engagement'],
    likes: ['likes'],
    comments: ['comments'],
    shares: ['shares'],
    views: ['views'],
    lang: ['lang'],
    country: ['country'],
  },
  dateOrder: 'day-first',
  defused: true,
};

export const TABULAR_PRESETS: readonly TabularPreset[] = [BRANDWATCH, TALKWALKER, MELTWATER, PULSAR, FIREBREAK];

const norm = (s: string) => s.trim().toLowerCase();

/** How much of a preset's marker set the header carries (0..1). */
export function presetScore(preset: TabularPreset, columns: readonly string[]): number {
  if (preset.markers.length === 0) return 0;
  const have = new Set(columns.map(norm));
  return preset.markers.filter((m) => have.has(norm(m))).length / preset.markers.length;
}

/** The best-matching known tool for a header, or null when none matches well. */
export function recognisePreset(columns: readonly string[]): TabularPreset | null {
  let best: TabularPreset | null = null;
  let bestScore = 0.6;
  for (const p of TABULAR_PRESETS) {
    const score = presetScore(p, columns);
    if (score > bestScore) [best, bestScore] = [p, score];
  }
  return best;
}

/** Resolves a preset's candidate names against the actual header. */
export function mappingFor(preset: TabularPreset, columns: readonly string[]): ColumnMapping {
  const byNorm = new Map(columns.map((c) => [norm(c), c]));
  const mapping: ColumnMapping = {};
  for (const [field, candidates] of Object.entries(preset.columns) as [MappableField, string[]][]) {
    const found = candidates.map((c) => byNorm.get(norm(c))).find((c) => c !== undefined);
    if (found !== undefined) mapping[field] = found;
  }
  return mapping;
}

export function tabularPresetById(id: string): TabularPreset | undefined {
  return [...TABULAR_PRESETS, GENERIC].find((p) => p.id === id);
}

/** Whether a batch read with this preset had its formula-guarding apostrophes taken off (see `defused`). */
export function presetDefused(id: string | null): boolean {
  return id !== null && tabularPresetById(id)?.defused === true;
}
