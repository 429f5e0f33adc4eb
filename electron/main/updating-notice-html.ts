import { MESSAGES, type UiLanguage } from '../../shared/locales';
import { escapeHtml } from '../core/review/report-html';

/**
 * The page of the small window shown while an earlier version's database is brought up to date (needs-update.ts),
 * in the laptop's language and direction: a fixed sentence, no script, nothing loaded.
 */
export function updatingNoticeHtml(language: UiLanguage): string {
  const dir = language === 'fa' ? 'rtl' : 'ltr';
  return `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Firebreak</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:24px;color:#222;background:#fafafa}</style></head>
<body><p>${escapeHtml(MESSAGES[language].errors.updatingDatabase)}</p></body></html>`;
}
