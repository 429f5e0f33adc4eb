import * as m0001 from './0001-init';
import * as m0002 from './0002-mentions';
import * as m0003 from './0003-sentiment';
import * as m0004 from './0004-timeline';
import * as m0005 from './0005-team';
import * as m0006 from './0006-triage';
import * as m0007 from './0007-plan';
import * as m0008 from './0008-statements';
import * as m0009 from './0009-review';
import * as m0010 from './0010-mention-facts';
import * as m0011 from './0011-facts-epochs';
import * as m0012 from './0012-facts-reach';
import * as m0013 from './0013-facts-triage';
import * as m0014 from './0014-search-fold';
import * as m0015 from './0015-facts-epoch-reach';
import * as m0016 from './0016-quarantine-reason-codes';
import * as m0017 from './0017-batch-problem-codes';
import * as m0018 from './0018-reply-wording';
import * as m0019 from './0019-sitrep-cadence';
import * as m0020 from './0020-media-enquiries';
import * as m0021 from './0021-search-fold-digits';
import * as m0022 from './0022-search-author-handles';
import * as m0023 from './0023-copies-alert';
import * as m0024 from './0024-stakeholders';
import * as m0025 from './0025-claims';
import * as m0026 from './0026-own-channels';

export type Migration = { id: number; name: string; sql: string };

/** The known history, in order. Add a file and a line here; never edit or reorder a shipped migration. */
export const MIGRATIONS: readonly Migration[] = [
  { id: 1, ...m0001 },
  { id: 2, ...m0002 },
  { id: 3, ...m0003 },
  { id: 4, ...m0004 },
  { id: 5, ...m0005 },
  { id: 6, ...m0006 },
  { id: 7, ...m0007 },
  { id: 8, ...m0008 },
  { id: 9, ...m0009 },
  { id: 10, ...m0010 },
  { id: 11, ...m0011 },
  { id: 12, ...m0012 },
  { id: 13, ...m0013 },
  { id: 14, ...m0014 },
  { id: 15, ...m0015 },
  { id: 16, ...m0016 },
  { id: 17, ...m0017 },
  { id: 18, ...m0018 },
  { id: 19, ...m0019 },
  { id: 20, ...m0020 },
  { id: 21, ...m0021 },
  { id: 22, ...m0022 },
  { id: 23, ...m0023 },
  { id: 24, ...m0024 },
  { id: 25, ...m0025 },
  { id: 26, ...m0026 },
];
