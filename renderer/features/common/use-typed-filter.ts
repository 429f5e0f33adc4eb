import { useEffect, useRef, useState } from 'react';

/**
 * What a person types into a filter box, applied once typing pauses rather than at each key (each application asks
 * the room for new results). A value set elsewhere (Clear, a click on a top author, another incident) replaces the
 * text in the box.
 */
export function useTypedFilter(applied: string | undefined, apply: (text: string | undefined) => void, ms = 250): [string, (text: string) => void] {
  const [text, setText] = useState(applied ?? '');
  const sent = useRef(applied ?? '');
  const applyLatest = useRef(apply);
  useEffect(() => {
    applyLatest.current = apply;
  });
  useEffect(() => {
    if ((applied ?? '') === sent.current) return;
    sent.current = applied ?? '';
    setText(applied ?? '');
  }, [applied]);
  useEffect(() => {
    if (text === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = text;
      applyLatest.current(text || undefined);
    }, ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return [text, setText];
}
