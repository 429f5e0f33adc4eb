import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createDispatcher } from '../../electron/transport/dispatch';
import path from 'node:path';
import { ACTOR_HEADER, startRoomServer, type RoomServer } from '../../electron/transport/http-server';
import { RoomGate, lanAddresses, loadRoomKey } from '../../electron/transport/room-gate';
import { RoomSharing } from '../../electron/transport/room-sharing';
import { newIncidentSchema } from '../../shared/api/incidents';
import type { ImportSummary } from '../../shared/mentions';
import { ANN, countRows, testCore } from './helpers';
import { fixture } from './import-helpers';

const actorHeader = encodeURIComponent(JSON.stringify(ANN));

describe('room server HTTP API', () => {
  const core = testCore();
  let server: RoomServer;
  before(async () => {
    server = await startRoomServer({ dispatch: createDispatcher(core, 'room', { error: () => undefined }), events: core.events, uploads: core.uploads, heartbeatMs: 100 });
  });
  after(() => server.close());

  const post = (method: string, body: string, headers: Record<string, string> = {}) =>
    fetch(new URL(`api/${method}`, server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [ACTOR_HEADER]: actorHeader, ...headers },
      body,
    });

  it('answers {ok:true,value} for a good call', async () => {
    const res = await post('incidents.create', JSON.stringify({ title: 'From HTTP' }));
    assert.equal(res.status, 200);
    const body = (await res.json()) as { ok: boolean; value: { title: string; createdBy: string } };
    assert.equal(body.ok, true);
    assert.equal(body.value.createdBy, 'Ann Lee');
  });

  it('rejects bad input with a clear code and changes nothing', async () => {
    const before = countRows(core, 'incidents');
    const changesBefore = countRows(core, 'incident_changes');
    const cases: [string, string, Record<string, string>, number, string][] = [
      ['incidents.create', '{"title": ', {}, 400, 'MALFORMED_JSON'],
      ['incidents.create', '{"title": 12}', {}, 400, 'BAD_REQUEST'],
      ['incidents.create', '{}', {}, 400, 'BAD_REQUEST'],
      ['incidents.create', '[1,2]', {}, 400, 'BAD_REQUEST'],
      ['incidents.create', JSON.stringify({ title: 'x'.repeat(5 * 1024 * 1024) }), {}, 413, 'PAYLOAD_TOO_LARGE'],
      ['incidents.create', JSON.stringify({ title: 'x'.repeat(1000) }), {}, 400, 'BAD_REQUEST'],
      ['no.such.method', '{}', {}, 404, 'UNKNOWN_METHOD'],
      ['incidents.create', '{"title":"x"}', { [ACTOR_HEADER]: '' }, 401, 'UNAUTHENTICATED'],
      ['incidents.create', '{"title":"x"}', { [ACTOR_HEADER]: '%E0%A4%A' }, 400, 'BAD_REQUEST'],
      ['incidents.create', '{"title":"x"}', { 'Content-Type': 'text/plain' }, 400, 'BAD_REQUEST'],
      ['incidents.create', '{"title":"x"}', { Origin: 'https://evil.example' }, 403, 'FORBIDDEN'],
    ];
    for (const [method, body, headers, status, code] of cases) {
      const res = await post(method, body, headers);
      const json = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
      assert.equal(res.status, status, `${method} ${body.slice(0, 40)}`);
      assert.equal(json.ok, false);
      assert.equal(json.error.code, code, json.error.message);
      assert.ok(json.error.message.length > 0);
    }
    assert.equal(countRows(core, 'incidents'), before);
    assert.equal(countRows(core, 'incident_changes'), changesBefore);
  });

  it('imports a file uploaded from a browser, and refuses to read server paths', async () => {
    const incident = core.incidents.create(newIncidentSchema.parse({ title: 'Upload target' }), ANN);
    const upload = await fetch(new URL('api/upload?name=pulsar.csv', server.url), { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: fs.readFileSync(fixture('pulsar.csv')) });
    const { value } = (await upload.json()) as { value: { uploadId: string; size: number } };
    assert.equal(value.size, fs.statSync(fixture('pulsar.csv')).size);
    const finished = new Promise<ImportSummary>((resolve) => {
      const stop = core.events.subscribe((e) => {
        if (e.type !== 'import.finished') return;
        stop();
        resolve(e.summary);
      });
    });
    const res = await post('import.start', JSON.stringify({ incidentId: incident.id, source: { uploadId: value.uploadId }, options: { timezone: 'UTC' } }));
    assert.equal(res.status, 200);
    const summary = await finished;
    assert.deepEqual([summary.file, summary.imported], ['pulsar.csv', 2]);

    const byPath = await post('import.preview', JSON.stringify({ source: { path: '/etc/passwd' } }));
    assert.equal(byPath.status, 403);
    const traversal = await post('import.preview', JSON.stringify({ source: { uploadId: '../../../etc/passwd' } }));
    assert.equal(traversal.status, 400);
    const crossSite = await fetch(new URL('api/upload?name=x.csv', server.url), { method: 'PUT', headers: { Origin: 'https://evil.example' }, body: 'a,b' });
    assert.equal(crossSite.status, 403);
  });

  it('an upload the room laptop\'s full disk refuses is said as such, not "the upload failed"', async () => {
    // The kernel's always-full device: every write fails with ENOSPC, as on a full disk.
    const fullDisk = { create: () => ({ id: 'full-disk', file: '/dev/full' }), remove: () => undefined };
    const room = await startRoomServer({ dispatch: createDispatcher(core, 'room', { error: () => undefined }), events: core.events, uploads: fullDisk });
    try {
      const res = await fetch(new URL('api/upload?name=export.csv', room.url), { method: 'PUT', body: fs.readFileSync(fixture('pulsar.csv')) });
      assert.equal(res.status, 503);
      const { error } = (await res.json()) as { error: { code: string; details: { say: unknown } } };
      assert.equal(error.code, 'STORAGE');
      assert.deepEqual(error.details.say, { key: 'storage', params: { storage: 'diskFull' } });
    } finally {
      await room.close();
    }
  });

  it('answers only requests addressed to it by an address, not by a domain name pointed at it (DNS rebinding)', async () => {
    const { port } = new URL(server.url);
    const status = (host: string, urlPath: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path: urlPath, method: 'POST', headers: { host, 'content-type': 'application/json' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('{}');
      });
    assert.equal(await status('evil.example', '/api/incidents.list'), 403);
    assert.equal(await status(`attacker.example:${port}`, '/api/incidents.list'), 403);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `anns-macbook.local:${port}`]) assert.equal(await status(host, '/api/incidents.list'), 200, host);
  });

  it('accepts only POST on the API', async () => {
    const res = await fetch(new URL('api/incidents.list', server.url));
    assert.equal(res.status, 405);
  });

  it('pushes events over Server-Sent Events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(new URL('api/events', server.url), (res) => {
        assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const match = /\n\ndata: (.*)\n\n/.exec(buffer); // a change: a message of its own, not a named ping's data
          if (match) {
            req.destroy();
            resolve(match[1]);
          }
        });
        void post('incidents.create', JSON.stringify({ title: 'Evented' }));
      });
      req.on('error', reject);
    });
    const event = JSON.parse(await received) as { type: string; incidentId: string };
    assert.equal(event.type, 'incident.created');
    assert.equal(core.incidents.get(event.incidentId).title, 'Evented');
  });

  it('tells a stream at once, and then every beat, that the room is still there and how often it will say so; and the browser to retry a dropped one after 3 s', async () => {
    const opening = await new Promise<string>((resolve, reject) => {
      const req = http.get(new URL('api/events', server.url), (res) => {
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          if (buffer.split('event: ping\n').length > 2) {
            req.destroy();
            resolve(buffer);
          }
        });
      });
      req.on('error', reject);
    });
    // The first ping comes with the opening, before any beat has passed.
    assert.match(opening, /^retry: 3000\n: connected\n\nevent: ping\ndata: \{"everyMs":100\}\n\n/);
    assert.match(opening, /\n\nevent: ping\ndata: \{"everyMs":100\}\n\nevent: ping\n/);
  });

  it('serves the page with a CSP header and never a file outside the renderer folder', async () => {
    const res = await fetch(server.url);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    for (const sneaky of ['/../package.json', '/%2e%2e/package.json', '/..%2f..%2fpackage.json']) {
      const body = await new Promise<string>((resolve) => {
        http.get({ host: '127.0.0.1', port: new URL(server.url).port, path: sneaky }, (r) => {
          let data = '';
          r.on('data', (c: Buffer) => (data += c.toString()));
          r.on('end', () => resolve(data));
        });
      });
      assert.doesNotMatch(body, /"devDependencies"/, sneaky);
    }
  });
});

describe('room server opened to other laptops', () => {
  const core = testCore();
  const key = loadRoomKey(core.dataDir);
  let server: RoomServer;
  let clock = Date.UTC(2026, 10, 1);
  before(async () => {
    const gate = new RoomGate(key, () => clock);
    server = await startRoomServer({ dispatch: createDispatcher(core, 'room', { error: () => undefined }), events: core.events, uploads: core.uploads, downloads: core.downloads, gate, heartbeatMs: 100 });
  });
  after(() => server.close());
  const at = (p: string) => new URL(p, server.url);
  const json = (body: unknown, cookie = '') => ({ method: 'POST', headers: { 'Content-Type': 'application/json', [ACTOR_HEADER]: actorHeader, cookie }, body: JSON.stringify(body) });
  const join = (code: string) => fetch(at('api/room.join'), json({ code }));

  it('answers nothing of the room before the code: calls, events, uploads, downloads', async () => {
    for (const res of [
      await fetch(at('api/incidents.list'), json({})),
      await fetch(at('api/events')),
      await fetch(at('api/upload?name=x.csv'), { method: 'PUT', body: 'a,b' }),
      await fetch(at('api/download/whatever')),
    ]) {
      assert.equal(res.status, 401, res.url);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'NOT_JOINED');
    }
    assert.deepEqual(((await (await fetch(at('api/room.status'), json({}))).json()) as { value: unknown }).value, { protected: true, joined: false });
    // The page itself holds no data: it shows the join screen.
    assert.equal((await fetch(at('/'))).status, 200);
  });

  it('lets in a browser that gives the code, as typed (any case, with its dash), with an HttpOnly same-site cookie', async () => {
    const res = await join(`${key.code.slice(0, 4)}-${key.code.slice(4)}`.toLowerCase());
    assert.equal(res.status, 200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /^firebreak_room=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+$/);
    const cookie = setCookie.split(';')[0];
    const list = await fetch(at('api/incidents.list'), json({}, cookie));
    assert.equal(list.status, 200);
    assert.deepEqual(((await (await fetch(at('api/room.status'), json({}, cookie))).json()) as { value: unknown }).value, { protected: true, joined: true });
    // The same code after a restart (kept in the data folder) lets the same cookie in; a new code shuts it out.
    assert.deepEqual(loadRoomKey(core.dataDir), key);
    const renewed = loadRoomKey(core.dataDir, true);
    assert.notEqual(renewed.code, key.code);
    assert.equal(new RoomGate(renewed).admits({ headers: { cookie } } as http.IncomingMessage), false);
    assert.equal(fs.statSync(path.join(core.dataDir, 'room-key.json')).mode & 0o777, 0o600);
    // A key file cut short (a crash while it was written) gives a new code rather than a room that cannot open.
    fs.writeFileSync(path.join(core.dataDir, 'room-key.json'), '{"code":"AB');
    assert.match(loadRoomKey(core.dataDir).code, /^[A-Z2-9]{8}$/);
  });

  it('says a wrong code, and makes an address that keeps guessing wait', async () => {
    const wrong = key.code.startsWith('A') ? 'BBBBBBBB' : 'AAAAAAAA';
    const first = await join(wrong);
    assert.equal(first.status, 403);
    assert.deepEqual(((await first.json()) as { error: { details: { say: unknown } } }).error.details.say, { key: 'wrongRoomCode', params: {} });
    for (let i = 0; i < 9; i++) await join(wrong);
    // Even the right code waits now: guessing 31^8 codes ten a minute would outlast any crisis.
    const waiting = await join(key.code);
    assert.deepEqual(((await waiting.json()) as { error: { details: { say: unknown } } }).error.details.say, { key: 'roomCodeWait', params: { seconds: 60 } });
    clock += 61_000;
    assert.equal((await join(key.code)).status, 200);
  });
});

describe('opening the room to the other laptops from this one', () => {
  it('opens a listener that asks for the code, shares the core with this laptop, and closes it again', async () => {
    const core = testCore();
    const sharing = new RoomSharing(core, { port: 0 });
    const desktop = createDispatcher(core, 'desktop', { error: () => undefined }, { sharing });
    try {
      const opened = await desktop('room.share', { open: true });
      assert.ok(opened.ok);
      const info = opened.value as { open: boolean; code: string; port: number; links: string[] };
      assert.equal(info.open, true);
      assert.deepEqual(info.links, lanAddresses('0.0.0.0').map((a) => `http://${a}:${info.port}/#join=${info.code}`));
      const at = (p: string) => `http://127.0.0.1:${info.port}/${p}`;
      const post = (p: string, body: unknown, cookie = '') =>
        fetch(at(p), { method: 'POST', headers: { 'Content-Type': 'application/json', [ACTOR_HEADER]: actorHeader, cookie }, body: JSON.stringify(body) });
      assert.equal((await post('api/incidents.list', {})).status, 401);
      const cookie = ((await post('api/room.join', { code: info.code })).headers.get('set-cookie') ?? '').split(';')[0];
      await desktop('incidents.create', { title: 'Made on the host laptop' }, ANN);
      const listed = (await (await post('api/incidents.list', {}, cookie)).json()) as { value: { title: string }[] };
      assert.deepEqual(listed.value.map((i) => i.title), ['Made on the host laptop']);
      // Another laptop can neither see the code nor open or close the room.
      assert.deepEqual(((await (await post('api/room.sharing', {}, cookie)).json()) as { value: unknown }).value, { canShare: false, open: false, code: null, port: null, links: [], windows: 0 });
      const closeFromGuest = (await (await post('api/room.share', { open: false }, cookie)).json()) as { error: { code: string; details: { say: { key: string } } } };
      assert.deepEqual([closeFromGuest.error.code, closeFromGuest.error.details.say.key], ['FORBIDDEN', 'hostOnly']);

      const closed = await desktop('room.share', { open: false });
      assert.deepEqual(closed.ok && closed.value, { canShare: true, open: false, code: null, port: null, links: [], windows: 0 });
      await assert.rejects(post('api/incidents.list', {}, cookie));
    } finally {
      await sharing.close();
    }
  });
});
