export type Params = Record<string, string | number>;

/**
 * Fills a UI string's `{{name}}` / `{{name, number}}` placeholders as i18next does in the UI, numbers in the given
 * language's digits. The core words a few things itself: sentences it stores in English beside their key and figures
 * (quarantine reasons, refused files, its timeline lines, workflow refusals) — worded from the English UI strings,
 * so there is one wording to keep — and the after-action report in the reader's language.
 */
export function fill(template: string, params: Params, language = 'en'): string {
  const number = numberFormat(language);
  return template.replace(/{{\s*(\w+)(?:\s*,\s*number)?\s*}}/g, (_m, name: string) => {
    const value = params[name];
    return typeof value === 'number' ? number.format(value) : String(value ?? '');
  });
}

const formats = new Map<string, Intl.NumberFormat>();
/** One formatter per language: a file with many bad rows words each of them. */
function numberFormat(language: string): Intl.NumberFormat {
  let format = formats.get(language);
  if (!format) formats.set(language, (format = new Intl.NumberFormat(language)));
  return format;
}
