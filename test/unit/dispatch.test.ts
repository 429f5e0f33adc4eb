import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDispatcher } from '../../electron/transport/dispatch';
import { ANN, countRows, testCore } from './helpers';

describe('dispatch', () => {
  it('validates, applies defaults and calls the core', async () => {
    const core = testCore();
    const dispatch = createDispatcher(core, 'cli');
    const result = await dispatch('incidents.create', { title: '  Trimmed  ' }, ANN);
    assert.ok(result.ok);
    const value = result.value as { title: string; status: string; level: null };
    assert.deepEqual([value.title, value.status, value.level], ['Trimmed', 'active', null]);
  });

  it('turns every bad call into a coded error and writes nothing', async () => {
    const core = testCore();
    const dispatch = createDispatcher(core, 'cli');
    const cases: [string, unknown, unknown, string][] = [
      ['incidents.nope', {}, ANN, 'UNKNOWN_METHOD'],
      ['incidents.create', {}, ANN, 'BAD_REQUEST'],
      ['incidents.create', { title: 42 }, ANN, 'BAD_REQUEST'],
      ['incidents.create', { title: 'x', level: 7 }, ANN, 'BAD_REQUEST'],
      ['incidents.create', { title: 'x', extra: true }, ANN, 'BAD_REQUEST'],
      ['incidents.create', 'not an object', ANN, 'BAD_REQUEST'],
      ['incidents.create', { title: 'x' }, undefined, 'UNAUTHENTICATED'],
      ['incidents.create', { title: 'x' }, { name: '' }, 'BAD_REQUEST'],
      ['incidents.get', { id: 'missing' }, ANN, 'NOT_FOUND'],
      ['__proto__', {}, ANN, 'UNKNOWN_METHOD'],
    ];
    for (const [method, arg, actor, code] of cases) {
      const result = await dispatch(method, arg, actor);
      assert.equal(result.ok, false, `${method} ${JSON.stringify(arg)}`);
      if (!result.ok) assert.equal(result.error.code, code, `${method} ${JSON.stringify(arg)}: ${result.error.message}`);
    }
    assert.equal(countRows(core, 'incidents'), 0);
  });

  it('reports an unexpected failure as INTERNAL and logs the cause', async () => {
    const core = testCore();
    const logged: unknown[] = [];
    const dispatch = createDispatcher(core, 'cli', { error: (_m, err) => logged.push(err) });
    core.db.close();
    const result = await dispatch('incidents.list', {}, ANN);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.error.code, 'INTERNAL');
    assert.equal(logged.length, 1);
  });

  it('reads without an actor, writes only with one', async () => {
    const core = testCore();
    const dispatch = createDispatcher(core, 'room');
    assert.ok((await dispatch('incidents.list', {})).ok);
    assert.ok((await dispatch('app.info', {})).ok);
  });
});
