/**
 * The letter of a single-key shortcut, whatever keyboard layout is on. The room types in Russian, Ukrainian, Greek
 * and Persian: with those layouts the J key gives "о", "ο" or "ت", and a shortcut read from `key` alone did nothing.
 * A Latin letter is taken as typed (so AZERTY and Dvorak users press the key labelled j); any other character falls
 * back to the physical key (`code`: KeyJ), where j sits on the QWERTY keyboard those layouts are printed over.
 * Caps Lock does not matter.
 */
export function shortcutLetter(e: Pick<KeyboardEvent, 'key' | 'code'>): string | null {
  if (/^[a-z]$/i.test(e.key)) return e.key.toLowerCase();
  if (e.key.length === 1 && /^Key[A-Z]$/.test(e.code)) return e.code.slice(3).toLowerCase();
  return null;
}
