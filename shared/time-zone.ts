/**
 * The time zone a document's times are written in, named for its readers: "Iran Standard Time (GMT+03:30)" in
 * English, the same in the reader's language. Printed statements, situation reports and after-action reports leave
 * the room — for headquarters in another country, or for a review a year later — where "21:00" alone says nothing.
 * `timeZone` is the laptop's when not given.
 */
export function zoneLabel(lang: string, at: number, timeZone?: string): string {
  const part = (style: 'long' | 'longOffset') =>
    new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: style }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const name = part('long');
  const offset = part('longOffset');
  return name && offset && name !== offset ? `${name} (${offset})` : name || offset;
}
