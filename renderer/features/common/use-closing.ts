import { useState } from 'react';
import { keptTime, toLocalInput } from '../../format';
import { wordingOf, wordingPatch, type Wording } from './GivenWords';

type Closable<S> = { status: S; closedAt: number | null; statementId: string | null; statementVersion: number | null };

/**
 * A record closed with what was said (a stakeholder informed, a claim answered), as its dialog edits it: the status,
 * when the `timed` status happened (a call or a post made before anyone logged it; the moment the dialog opened until
 * changed), and the approved statement the words came from.
 */
export function useClosing<S extends string>(record: Closable<S> | undefined, initial: S, timed: S) {
  const [status, setStatus] = useState<S>(record?.status ?? initial);
  const [openedAt] = useState(() => Date.now());
  const [at, setAt] = useState(toLocalInput(record?.status === timed ? record.closedAt : openedAt));
  const [wording, setWording] = useState<Wording | null>(wordingOf(record));
  /**
   * What a save sends besides the fields: the statement the words came from, if changed, and the time as `timeKey`
   * when one was given (not the moment the dialog opened, nor the time already stored).
   */
  const closingPatch = <K extends string>(timeKey: K): { statementId?: string | null; statementVersion?: number } & Partial<Record<K, number>> => {
    const given = status === timed ? keptTime(at, record?.status === timed ? record.closedAt : openedAt) : null;
    const time = given !== null && given !== openedAt && given !== record?.closedAt ? { [timeKey]: given } : {};
    return { ...wordingPatch(wording, record), ...(time as Partial<Record<K, number>>) };
  };
  return { status, setStatus, at, setAt, wording, setWording, closingPatch };
}
