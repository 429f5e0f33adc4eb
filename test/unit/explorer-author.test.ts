import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Core } from '../../electron/core/app-core';
import type { MentionFilter } from '../../electron/core/mentions/mention-query';
import { tempDir, testCore } from './helpers';
import { csvFile, importFile, newIncident } from './import-helpers';

const LINES = [
  'date,author,handle,text,platform',
  '2026-11-21 10:00,Olena Kovalenko,@olena_k,The juice made my son sick,web',
  '2026-11-21 10:05,Олена Коваленко,@olena_kyiv,Сік зіпсований,web',
  '2026-11-21 10:10,Γιώργος Παπαδόπουλος,@gpapa,Ο χυμός είναι χαλασμένος,web',
  '2026-11-21 10:15,علی رضایی,@ali_r,آبمیوه خراب بود,web',
  '2026-11-21 10:20,Northwind Watch,@NW_watch,Batch 2211 again,web',
  '2026-11-21 10:25,,@anon_100%,No name given,web',
  '2026-11-21 10:30,Kovalenko News,,Northwind recalls batch 2211,web',
  '2026-11-21 10:35,Ivan,@ivanXk,Refund please,web',
  '2026-11-21 10:40,Олена Коваленко,@olena_kyiv,Ще раз про сік,telegram',
];

const authors = (core: Core, f: Omit<MentionFilter, 'incidentId'> & { incidentId: string }) =>
  core.mentions.search(f, { sort: 'time', direction: 'asc', offset: 0, limit: 50 }).rows.map((m) => m.authorHandle ?? m.author).join(' ');

describe('explorer: the author filter', () => {
  it('finds an author from part of the name or handle, as people type it; a clicked account stays exact', async () => {
    const core = testCore();
    const incidentId = newIncident(core);
    await importFile(core, incidentId, csvFile(tempDir(), 'authors.csv', LINES));
    const typed = (authorSearch: string) => authors(core, { incidentId, authorSearch });

    assert.equal(typed('olena'), '@olena_k @olena_kyiv @olena_kyiv', 'the start of a handle');
    assert.equal(typed('Olena Ko'), '@olena_k', 'words of the name, the last one begun');
    assert.equal(typed('kovalenko'), '@olena_k Kovalenko News', 'any word of the name, case aside');
    assert.equal(typed('коваленко'), '@olena_kyiv @olena_kyiv', 'Cyrillic, case aside');
    assert.equal(typed('γιωργος'), '@gpapa', 'Greek without its accents');
    assert.equal(typed('علي'), '@ali_r', 'Persian typed with an Arabic yeh');
    assert.equal(typed('@nw_WATCH'), '@NW_watch', 'a handle with its @, in any case');
    assert.equal(typed('olena_ky'), '@olena_kyiv @olena_kyiv', 'the handle as typed, the last word begun');
    assert.equal(typed('ivan_k'), '', '_ is not a wildcard (@ivanXk)');
    assert.equal(typed('anon_100%'), '@anon_100%', '% is not one either');
    assert.equal(typed('@'), authors(core, { incidentId }), 'nothing to look for: no filter');
    assert.equal(typed('  '), authors(core, { incidentId }), 'blank: no filter');
    assert.equal(typed('nobody'), '');

    assert.equal(authors(core, { incidentId, author: '@olena_k' }), '@olena_k', 'a clicked account: exactly that one');
    assert.equal(authors(core, { incidentId, authorSearch: 'olena', query: 'juice' }), '@olena_k', 'with the other filters');
    // The author box suggests the accounts that match, most mentions first, for picking one exactly: one row per
    // account, with the platforms it posted on.
    assert.deepEqual(core.mentions.authors(incidentId, 'olena'), [
      { author: 'Олена Коваленко', handle: '@olena_kyiv', platforms: ['telegram', 'web'], mentions: 2 },
      { author: 'Olena Kovalenko', handle: '@olena_k', platforms: ['web'], mentions: 1 },
    ]);
    assert.deepEqual(core.mentions.authors(incidentId, 'kovalenko news').map((a) => [a.author, a.handle]), [['Kovalenko News', null]]);
    assert.deepEqual(core.mentions.authors(incidentId, '@'), []);
    assert.equal(core.dashboard.dashboard({ incidentId, authorSearch: 'olena' }, 0).total, 3, 'the dashboard counts the same mentions');
  });
});
