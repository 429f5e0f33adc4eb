import type { Mention } from '../../../shared/mentions';

export type MentionRow = {
  id: number;
  incident_id: string;
  batch_id: string;
  platform: string;
  native_id: string | null;
  url: string | null;
  author: string | null;
  author_handle: string | null;
  author_followers: number | null;
  title: string | null;
  text: string;
  lang: string | null;
  published_at: number;
  published_raw: string | null;
  source_sentiment: number | null;
  source_sentiment_raw: string | null;
  reach: number | null;
  engagement: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  views: number | null;
  country: string | null;
  sentiment: number | null;
  engine_sentiment: number | null;
  engine_score: number | null;
  analyst_sentiment: number | null;
  analyst_by: string | null;
  analyst_at: number | null;
  lang_detected: number;
};

/** Columns for lists: everything but the raw row, which only the detail pane needs. */
export const MENTION_COLUMNS = `m.id, m.incident_id, m.batch_id, m.platform, m.native_id, m.url, m.author, m.author_handle,
  m.author_followers, m.title, m.text, m.lang, m.published_at, m.published_raw, m.source_sentiment, m.source_sentiment_raw,
  m.reach, m.engagement, m.likes, m.comments, m.shares, m.views, m.country, m.sentiment, m.engine_sentiment, m.engine_score,
  m.analyst_sentiment, m.analyst_by, m.analyst_at, m.lang_detected`;

export function toMention(r: MentionRow): Mention {
  return {
    id: r.id,
    incidentId: r.incident_id,
    batchId: r.batch_id,
    platform: r.platform,
    nativeId: r.native_id,
    url: r.url,
    author: r.author,
    authorHandle: r.author_handle,
    authorFollowers: r.author_followers,
    title: r.title,
    text: r.text,
    lang: r.lang,
    publishedAt: r.published_at,
    publishedRaw: r.published_raw,
    sourceSentiment: r.source_sentiment,
    sourceSentimentRaw: r.source_sentiment_raw,
    reach: r.reach,
    engagement: r.engagement,
    likes: r.likes,
    comments: r.comments,
    shares: r.shares,
    views: r.views,
    country: r.country,
    sentiment: r.sentiment,
    engineSentiment: r.engine_sentiment,
    engineScore: r.engine_score,
    analystSentiment: r.analyst_sentiment,
    analystBy: r.analyst_by,
    analystAt: r.analyst_at,
    langDetected: r.lang_detected === 1,
  };
}
