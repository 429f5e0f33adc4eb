export type Params = Record<string, string | number>;

/**
 * Fills a UI string's `{{name}}` / `{{name, number}}` placeholders in English, as i18next does in the UI. The core
 * stores some sentences in English beside their key and figures (quarantine reasons, Firebreak's timeline lines) for
 * the export, the command line and search; worded from the English UI strings there is one wording to keep.
 */
export function fillEnglish(template: string, params: Params): string {
  return template.replace(/{{\s*(\w+)(?:\s*,\s*number)?\s*}}/g, (_m, name: string) => {
    const value = params[name];
    return typeof value === 'number' ? value.toLocaleString('en') : String(value ?? '');
  });
}

