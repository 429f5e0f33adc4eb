import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createDispatcher } from '../../electron/transport/dispatch';
import { ACTOR_HEADER, startRoomServer, type RoomServer } from '../../electron/transport/http-server';
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
