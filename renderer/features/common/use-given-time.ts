import { useState } from 'react';
import { keptTime, toLocalInput } from '../../format';

/**
 * A time people may set earlier than now (posts held, an account spotted before anyone logged it): the field starts at
 * the moment the dialog opened; `given()` is the time typed, or undefined when left there (the server's now is used).
 */
export function useGivenTime() {
  const [openedAt] = useState(() => Date.now());
  const [input, setInput] = useState(toLocalInput(openedAt));
  const given = (): number | undefined => {
    const typed = keptTime(input, openedAt);
    return typed !== null && typed !== openedAt ? typed : undefined;
  };
  return { input, setInput, given };
}
