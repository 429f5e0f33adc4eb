/** One mention of the brand, in the canonical schema every export is mapped onto. Times are UTC epoch ms. */
export type Mention = {
  id: number;
  incidentId: string;
  batchId: string;
  platform: string;
  nativeId: string | null;
  url: string | null;
  author: string | null;
  authorHandle: string | null;
  authorFollowers: number | null;
  title: string | null;
  text: string;
  lang: string | null;
  publishedAt: number;
  /** The date exactly as exported, so a wrong time-zone guess can be seen and corrected. */
  publishedRaw: string | null;
  /** The monitoring tool's own sentiment, normalised to [-1, 1]; its raw value is kept beside it. */
  sourceSentiment: number | null;
  sourceSentimentRaw: string | null;
  reach: number | null;
  engagement: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  views: number | null;
  country: string | null;
  /**
   * The sentiment shown and counted (-1 / 0 / 1, null while unrated), by one rule: the analyst's correction, else
   * the monitoring tool's value, else Firebreak's engine. The other two are kept beside it.
   */
  sentiment: number | null;
  engineSentiment: number | null;
  engineScore: number | null;
  analystSentiment: number | null;
  analystBy: string | null;
  analystAt: number | null;
  /** True when `lang` was detected by the engine rather than given by the export. */
  langDetected: boolean;
};

/** The detail pane: every canonical field plus the row as it was in the file. */
/** An account of the incident whose name or handle begins with what was typed, with how many mentions it has. */
export type AuthorSuggestion = { author: string | null; handle: string | null; platforms: string[]; mentions: number };

export type MentionDetail = Mention & {
  raw: { columns: string[] | null; values: unknown };
  batch: { fileName: string; format: string; preset: string | null };
};

/** A mention's text posted word for word in its incident, itself included (counted up to COPIES_COUNTED). */
export type MentionCopies = { mentions: number; accounts: number };

/** Copies of one mention counted for its detail pane: enough to tell a campaign, cheap at any size. */
export const COPIES_COUNTED = 10_000;

/**
 * Fields an export's columns can be mapped onto. `time` is for exports with date and time in two columns;
 * `textFallback` is read when the text column is empty (Meltwater's Opening Text, Brandwatch's Snippet).
 */
export const MAPPABLE_FIELDS = [
  'text',
  'textFallback',
  'title',
  'date',
  'time',
  'author',
  'authorHandle',
  'authorFollowers',
  'url',
  'nativeId',
  'platform',
  'lang',
  'sentiment',
  'reach',
  'engagement',
  'likes',
  'comments',
  'shares',
  'views',
  'country',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];
/** Canonical field -> column name in the file. */
export type ColumnMapping = Partial<Record<MappableField, string>>;

export const IMPORT_FORMATS = ['csv', 'xlsx', 'json', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'windows-1256', 'windows-1253', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export type DateOrder = 'day-first' | 'month-first';

/** What the user may override after seeing the preview. */
export type ImportOptions = {
  preset?: string;
  encoding?: Encoding;
  delimiter?: Delimiter;
  dateOrder?: DateOrder;
  /** IANA zone for dates written without an offset; default: the laptop's. */
  timezone?: string;
  mapping?: ColumnMapping;
};

export type ImportPreview = {
  fileName: string;
  size: number;
  format: ImportFormat;
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  preset: string;
  presetLabel: string;
  /** Column names for tabular files (and generic JSON); null when a structured preset reads the file itself. */
  columns: string[] | null;
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  timezone: string;
  /** Lines skipped before the header (report metadata above a Brandwatch header). */
  skippedLines: number;
  /** `error` is `problem` in English (as the command line prints it). */
  sample: { rowNumber: number; mention: Partial<Mention> | null; error: string | null; problem: RowProblem | null }[];
};

/** Why a row cannot be imported (it is then quarantined): a code the UI words in its language. */
export const ROW_PROBLEMS = [
  'invalid_bytes', 'field_count', 'unclosed_quote', 'quote_error', 'json_line_invalid', 'json_line_not_object', 'json_item_not_object',
  'text_too_long', 'no_text', 'bad_date', 'no_date', 'unreadable',
] as const;
export type RowProblemCode = (typeof ROW_PROBLEMS)[number];
/** The code and what its sentence quotes: counts, the unreadable value, the parser's own message. */
export type RowProblem = { code: RowProblemCode; params: Record<string, string | number> };

export type ImportBatchStatus = 'running' | 'complete' | 'failed' | 'cancelled' | 'undone';

export type ImportBatch = {
  id: string;
  incidentId: string;
  fileName: string;
  fileSize: number;
  sha256: string;
  format: ImportFormat;
  preset: string | null;
  encoding: string | null;
  delimiter: string | null;
  status: ImportBatchStatus;
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
  /** Why it failed, in English; `problem` says it as a code the UI words (null for older failures). */
  error: string | null;
  problem: FileProblem | null;
  createdBy: string;
  startedAt: number;
  finishedAt: number | null;
  undoneAt: number | null;
  undoneBy: string | null;
};

/** The per-file line the CLI prints with --json and the UI shows after an import. */
export type ImportSummary = {
  file: string;
  format: ImportFormat;
  preset: string | null;
  encoding: string | null;
  delimiter: string | null;
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
  batchId: string;
  ms: number;
  status: ImportBatchStatus;
  /** Why the file was not imported, in English; `problem` says it as a code the UI words. */
  error: string | null;
  problem: FileProblem | null;
};

/** Why a whole file cannot be imported (or labels cannot be read from it): a code the UI words in its language. */
export const FILE_PROBLEMS = [
  'cannot_open', 'empty', 'zip_archive', 'old_xls', 'not_xlsx', 'binary', 'not_json', 'no_rows', 'single_column', 'runaway_field',
  'json_invalid_bytes', 'json_invalid', 'json_not_mentions', 'jsonl_no_objects', 'bad_timezone', 'xlsx_unreadable',
  'xlsx_no_rows', 'xlsx_no_header', 'out_of_memory', 'header_only', 'interrupted', 'labels_columns', 'labels_bad_row', 'labels_empty_text',
  'labels_not_a_label', 'labels_too_many', 'labels_none',
  'storage', // the database could not store it (params.storage: a StorageProblem, worded by errors.storage)
] as const;
export type FileProblemCode = (typeof FILE_PROBLEMS)[number];
/** `row`: the unreadable row that refused the whole file (a training-labels file), worded inside its sentence. */
export type FileProblem = { code: FileProblemCode; params: Record<string, string | number>; row?: RowProblem };

export type QuarantineStatus = 'open' | 'fixed' | 'dismissed';

export type QuarantinedRow = {
  id: number;
  batchId: string;
  incidentId: string;
  fileName: string;
  rowNumber: number;
  /** In English: the quarantine export and the command line show it. */
  reason: string;
  /** The reason as a code, for the UI's language; null for rows quarantined before reasons were kept as codes. */
  problem: RowProblem | null;
  /** The row as read: column -> value for tabular rows, the original text when it could not be parsed. */
  raw: Record<string, string> | string;
  status: QuarantineStatus;
  createdAt: number;
  resolvedAt: number | null;
  resolvedBy: string | null;
  mentionId: number | null;
};

export type ImportJob = {
  jobId: string;
  incidentId: string;
  fileName: string;
  rows: number;
  bytes: number;
  totalBytes: number;
  etaMs: number | null;
};

export const SORTS = ['time', 'reach', 'engagement'] as const;
export type MentionSort = (typeof SORTS)[number];
/** A filtered list of mentions as a file: an Excel workbook or CSV for people, JSON Lines for scripts. */
export const MENTION_EXPORT_FORMATS = ['csv', 'xlsx', 'jsonl'] as const;
export type MentionExportFormat = (typeof MENTION_EXPORT_FORMATS)[number];
