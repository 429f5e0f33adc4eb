import { fill as fillIn, type Params } from '../../../shared/fill';
import { MESSAGES, type UiLanguage } from '../../../shared/locales';
import type { Messages } from '../../../shared/locales/en';
import { costTotals, keyFigures, spanText, type AfterActionReport, type ReportEvent, type ReportSeries, type SentimentWindow, type Span } from '../../../shared/review';
import { seededName, stakeholderName, wordSystemLine } from '../../../shared/system-line';
import { entryKindWords, entryWords } from '../../../shared/timeline-words';
import { reportChartSvg } from './report-chart-svg';
import { zoneLabel } from '../../../shared/time-zone';

export type RenderOptions = { lang: UiLanguage; timeZone: string };

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The figures and words of one report in one language: formatting helpers bound to its locale and time zone. */
function formatters(m: Messages, o: RenderOptions) {
  const fill = (template: string, values: Params) => fillIn(template, values, o.lang);
  const number = new Intl.NumberFormat(o.lang);
  const percent = new Intl.NumberFormat(o.lang, { style: 'percent', maximumFractionDigits: 1 });
  const time = new Intl.DateTimeFormat(o.lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: o.timeZone });
  const dash = '—';
  return {
    lang: o.lang,
    fill,
    n: (v: number | null) => (v === null ? dash : number.format(v)),
    pct: (v: number | null) => (v === null ? dash : percent.format(v)),
    signed: (v: number | null) => (v === null ? dash : `${v > 0 ? '+' : ''}${number.format(Math.round(v * 100) / 100)}`),
    at: (v: number | null) => (v === null ? dash : time.format(v)),
    span: (ms: Span) => spanText(ms, (key, values) => fill(key === 'earlier' ? m.review.earlier : m.review.duration[key], values), number.format),
  };
}

type F = ReturnType<typeof formatters>;

const table = (head: string[], rows: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
const section = (title: string, body: string) => `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
const paragraphs = (text: string) => (text.trim() ? text.trim().split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('') : '<p class="empty">—</p>');

function figureTable(r: AfterActionReport, m: Messages, f: F): string {
  const rows = keyFigures(r.metrics, { ...f, when: (at) => f.fill(m.review.at, { at: f.at(at) }), yes: m.review.yes, no: m.review.no, notYet: m.review.notYet });
  return `<table class="figures"><tbody>${rows.map((row) => `<tr><th>${escapeHtml(m.review.metric[row.key])}</th><td>${escapeHtml(row.value)}</td></tr>`).join('')}</tbody></table>`;
}

function detailFigures(r: AfterActionReport, m: Messages, f: F): string {
  const x = r.metrics;
  const waits = x.approvalWaits.map((w) => [`${f.n(w.step)}. ${seededName(m, 'roles', w.roleId, w.roleName)}`, f.fill(m.review.waitValue, { median: f.span(w.medianMs), max: f.span(w.maxMs), count: w.decisions })]);
  const window = (name: string, w: SentimentWindow | null) => [name, w ? f.n(w.mentions) : '—', w ? f.pct(w.negativeShare) : '—', w ? f.signed(w.net) : '—'];
  const sov = x.shareOfVoice;
  return [
    section(m.review.waits, waits.length ? table([m.review.status, m.review.waits], waits) : '<p class="empty">—</p>'),
    section(m.review.phases, table([m.review.status, m.review.figures], x.phases.map((p) => [m.status[p.status], f.span(p.ms)]))),
    section(m.review.sentiment, table(['', m.review.metric.mentions, m.review.negativeShare, m.review.netSentiment], [
      window(m.review.before, x.sentiment.before), window(m.review.during, x.sentiment.during), window(m.review.after, x.sentiment.after),
    ])),
    sov ? section(m.review.shareOfVoice, table([m.review.before, m.review.after], [[f.pct(sov.before), f.pct(sov.after)]])) : '',
  ].join('');
}

function writtenParts(r: AfterActionReport, m: Messages, f: F): string {
  const v = r.review;
  const audience = v.audience.map((a) => [a.platform, a.account, f.n(a.before), f.n(a.after), a.before !== null && a.after !== null ? f.signed(a.after - a.before) : '—']);
  const costs = [...v.costs.map((c) => [c.item, `${f.n(c.amount)} ${c.currency}`]), ...costTotals(v.costs).map((t) => [m.review.total, `${f.n(t.amount)} ${t.currency}`])];
  const items = r.actionItems.map((t) => [t.title, t.ownerPersonName ?? t.ownerRoleId ?? '—', f.at(t.dueAt), m.plan.status[t.status]]);
  return [
    section(m.review.summary, paragraphs(v.summary)),
    section(m.review.wentWell, paragraphs(v.wentWell)),
    section(m.review.wentWrong, paragraphs(v.wentWrong)),
    section(m.review.planChanges, paragraphs(v.planChanges)),
    section(m.review.audience, audience.length ? table([m.review.platform, m.review.account, m.review.followersBefore, m.review.followersAfter, m.review.change], audience) : '<p class="empty">—</p>'),
    section(m.review.costs, costs.length ? table([m.review.item, m.review.amount], costs) : '<p class="empty">—</p>'),
    section(m.review.lessons, v.lessons.length ? `<ul>${v.lessons.map((l) => `<li>${escapeHtml(l.text)}${l.playbookId ? ` <span class="tag">${escapeHtml(seededName(m, 'playbooks', l.playbookId, r.playbookNames[l.playbookId] ?? l.playbookId))}</span>` : ''}</li>`).join('')}</ul>` : '<p class="empty">—</p>'),
    section(m.review.actionItems, items.length ? table([m.review.actionItems, m.review.owner, m.review.due, m.review.status], items) : '<p class="empty">—</p>'),
  ].join('');
}

/** A record closed with what was said (an enquiry, a stakeholder, a claim): who closed it and when, marked when late. */
type ClosedWithWords = { closedBy: string | null; closedAt: number | null; statementTitle: string | null; statementVersion: number | null };

function closedBy(r: ClosedWithWords, f: F, late: string | null = null): string {
  return r.closedAt === null ? '' : ` — ${r.closedBy ?? ''}, ${f.at(r.closedAt)}${late ? ` (${late})` : ''}`;
}

/** The words as said, with the approved statement they were taken from; a dash when none were recorded. */
function wordsSaid(words: string, r: ClosedWithWords, m: Messages, f: F): string {
  if (!words) return '—';
  return r.statementTitle ? `${words} (${f.fill(m.press.takenFrom, { title: r.statementTitle, version: r.statementVersion ?? 0 })})` : words;
}

/** Every journalist's enquiry and what the brand said to them: the record a review (and legal) goes back to. */
function pressLog(r: AfterActionReport, m: Messages, f: F): string {
  const rows = r.enquiries.map((e) => {
    const late = e.closedAt !== null && e.deadlineAt !== null && e.closedAt > e.deadlineAt;
    return [
      `${[e.outlet, e.journalist].filter(Boolean).join(' — ')} (${m.press.channel[e.channel]})`,
      f.at(e.receivedAt), f.at(e.deadlineAt), e.question, m.press.status[e.status] + closedBy(e, f, late ? m.press.late : null), wordsSaid(e.answer, e, m, f),
    ];
  });
  const head = [m.press.outlet, m.press.receivedAt, m.press.deadline, m.press.question, m.press.state, m.press.answer];
  return section(m.press.title, rows.length ? table(head, rows) : '<p class="empty">—</p>');
}

/** Who was told what and when (or why not): the stakeholders' record, beside the press log. */
function stakeholderLog(r: AfterActionReport, m: Messages, f: F): string {
  const rows = r.stakeholders.map((s) => {
    const late = s.closedAt !== null && s.dueAt !== null && s.status === 'informed' && s.closedAt > s.dueAt;
    return [
      `${stakeholderName(m, s.name, s.usualKey)} (${m.stakeholders.group[s.group]}, ${m.stakeholders.channel[s.channel]})`,
      f.at(s.dueAt), m.stakeholders.status[s.status] + closedBy(s, f, late ? m.stakeholders.late : null), wordsSaid(s.message, s, m, f),
    ];
  });
  const head = [m.stakeholders.name, m.stakeholders.due, m.stakeholders.state, m.stakeholders.message];
  return section(m.stakeholders.title, rows.length ? table(head, rows) : '<p class="empty">—</p>');
}

/** Each claim, its verdict and the facts, how many mentions carried it, and the answer given (or why none was). */
function claimLog(r: AfterActionReport, m: Messages, f: F): string {
  const rows = r.claims.map((c) => {
    return [
      c.claim, m.claims.verdict[c.verdict] + (c.facts ? ` — ${c.facts}` : ''), f.fill(m.claims.mentions, { count: c.spread.total, negative: c.spread.negative }),
      m.claims.status[c.status] + closedBy(c, f), wordsSaid(c.answer, c, m, f),
    ];
  });
  const head = [m.claims.edit, m.claims.verdictLabel, m.tabs.mentions, m.claims.state, m.claims.answer];
  return section(m.claims.title, rows.length ? table(head, rows) : '<p class="empty">—</p>');
}

/**
 * The brand's own channels: who held the keys, how each ended the crisis (the changes are on the timeline) and what was
 * published there; then the accounts that posed as the brand, when each was spotted, reported and removed.
 */
function channelLog(r: AfterActionReport, m: Messages, f: F): string {
  const rows = r.channels.map((c) => [
    `${m.statements.channel[c.platform]}: ${c.name}`, c.keeperPersonName ?? '—', `${m.channels.posting[c.posting]} (${f.at(c.postingSince)})`,
    c.published.map((p) => `${p.title} (${f.fill(m.statements.versionTag, { version: p.version })}, ${f.at(p.publishedAt)})`).join('; ') || '—',
  ]);
  const head = [m.channels.channel, m.channels.keeper, m.channels.postingLabel, m.channels.published];
  const fakes = r.impostors.map((i) => [
    `${m.statements.channel[i.platform]}: ${i.handle}`, f.at(i.spottedAt), i.reportedAt === null ? '—' : `${f.at(i.reportedAt)}${i.reportRef ? ` (${i.reportRef})` : ''}`,
    f.at(i.removedAt), i.note || '—',
  ]);
  const fakeHead = [m.impostors.handle, m.impostors.spottedAt, m.impostors.reportedAt, m.impostors.removedAt, m.impostors.note];
  const impostors = fakes.length ? `<h3>${escapeHtml(m.impostors.title)}</h3>${table(fakeHead, fakes)}` : '';
  return section(m.channels.title, (rows.length ? table(head, rows) : '<p class="empty">—</p>') + impostors);
}

/**
 * The whole timeline, oldest first: what happened and what was decided, by whom and when, Firebreak's lines in the
 * reader's language, people's as written; key events starred, corrected times with the first one.
 */
function chronology(r: AfterActionReport, m: Messages, f: F): string {
  const wording = { m, lang: f.lang, number: f.n, time: f.at };
  // What people wrote keeps its own direction in a Persian report: `dir="auto"` on its cell (Unicode isolates in the
  // text would garble the PDF's text layer, which copy-paste and search read).
  const cell = (text: string, own = false) => `<td${own ? ' dir="auto"' : ''}>${escapeHtml(text)}</td>`;
  const rows = r.timeline.map((e) => {
    const line = entryWords(e, r.alerts, wording);
    return `<tr>${[
      cell(f.at(e.occurredAt) + (e.originalOccurredAt === null ? '' : ` (${f.fill(m.timeline.originally, { time: f.at(e.originalOccurredAt) })})`)),
      cell(entryKindWords(e.kind, wording)),
      cell(e.role ? `${e.author} · ${e.role}` : e.author, true),
      cell((e.keyEvent ? '★ ' : '') + (line ?? e.text) + e.tags.map((t) => ` #${t}`).join(''), line === null),
    ].join('')}</tr>`;
  });
  const head = [m.review.when, m.timeline.kindLabel, m.review.who, m.review.what].map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  return section(m.review.chronology, rows.length ? `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p class="empty">—</p>');
}

function chartBlock(series: ReportSeries, r: AfterActionReport, m: Messages, f: F): string {
  const channel = (c: string) => m.statements.channel[c as keyof Messages['statements']['channel']] ?? c;
  const text = (e: ReportEvent) => (e.line ? wordSystemLine(m, f.lang, e.line) : e.channel ? `${e.text} (${channel(e.channel)})` : e.text);
  const legend = r.events.map((e, i) => `<li><b>${i + 1}</b> ${escapeHtml(f.at(e.at))} · ${escapeHtml(e.kind === 'statement' ? m.review.published : m.review.keyEvent)}: ${escapeHtml(text(e))}</li>`).join('');
  return section(m.review.chart, `<div class="chart">${reportChartSvg(series, r.events, { title: m.review.chart, volume: m.review.volume, net: m.review.net, time: f.at })}</div><ol class="events">${legend}</ol>`);
}

const CSS = `
body { font-family: 'DejaVu Sans', 'Noto Sans', Arial, sans-serif; color: #1b1b1b; margin: 24px auto; max-width: 980px; font-size: 13px; line-height: 1.45; }
header { border-bottom: 2px solid #b71c1c; margin-bottom: 16px; padding-bottom: 8px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 18px 0 6px; color: #7f0000; }
.meta { color: #555; } table { border-collapse: collapse; width: 100%; margin: 4px 0; }
th, td { border: 1px solid #ddd; padding: 4px 6px; text-align: start; vertical-align: top; } th { background: #f6f6f6; font-weight: 600; }
table.figures th { width: 55%; } .empty { color: #888; } .tag { background: #eee; border-radius: 3px; padding: 0 4px; font-size: 11px; }
.chart svg { width: 100%; height: auto; direction: ltr; } ol.events { padding-inline-start: 0; list-style: none; } ol.events b { display: inline-block; min-width: 1.5em; }
section { break-inside: avoid; } @page { size: A4; margin: 14mm; } @media print { body { margin: 0; max-width: none; } }
`;

/** The report as one self-contained HTML file (no scripts, no outside resources): opens anywhere, prints to PDF. */
export function renderReportHtml(r: AfterActionReport, o: RenderOptions): string {
  const m = MESSAGES[o.lang];
  const f = formatters(m, o);
  const i = r.incident;
  const meta = [
    i.organisation,
    i.level ? m.level[String(i.level) as '1'] : m.level.none,
    i.crisisType ? m.crisisType[i.crisisType] : m.crisisType.none,
    m.status[i.status],
    `${m.fields.detectedAt}: ${f.at(r.metrics.detectedAt)}`,
    `${m.fields.resolvedAt}: ${f.at(i.resolvedAt)}`,
    `${m.fields.closedAt}: ${f.at(i.closedAt)}`,
  ].filter(Boolean);
  const dir = o.lang === 'fa' ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${o.lang}" dir="${dir}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(`${m.review.title}: ${i.title}`)}</title><style>${CSS}</style></head>
<body><header><h1>${escapeHtml(m.review.title)}: ${escapeHtml(i.title)}</h1>
<div class="meta">${meta.map(escapeHtml).join(' · ')}</div>
<div class="meta">${escapeHtml(f.fill(m.review.generated, { at: f.at(r.generatedAt) }))} · ${escapeHtml(f.fill(m.print.zone, { zone: zoneLabel(o.lang, r.generatedAt, o.timeZone) }))}</div></header>
${section(m.review.figures, figureTable(r, m, f))}
${chartBlock(r.series, r, m, f)}
${detailFigures(r, m, f)}
${pressLog(r, m, f)}
${stakeholderLog(r, m, f)}
${claimLog(r, m, f)}
${channelLog(r, m, f)}
<h2>${escapeHtml(m.review.written)}</h2>
${writtenParts(r, m, f)}
${chronology(r, m, f)}
</body></html>
`;
}
