import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideNavigation, isAppUrl } from '../../electron/transport/navigation-policy';
import { isSafeExternalUrl } from '../../shared/security';
import { defaultDataDir } from '../../electron/core/data-dir';

describe('navigation policy (Electron will-navigate / window.open)', () => {
  it('keeps in-app pages, sends http(s) to the system browser, drops every other scheme', () => {
    assert.deepEqual(decideNavigation('firebreak://app/index.html#/incidents/1'), { allow: true });
    assert.deepEqual(decideNavigation('https://x.com/some/post'), { allow: false, openExternally: 'https://x.com/some/post' });
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>', 'firebreak://evil/', 'smb://host/share', 'not a url']) {
      assert.deepEqual(decideNavigation(bad), { allow: false, openExternally: null }, bad);
    }
    assert.equal(isAppUrl('firebreak://app.evil.com/'), false);
    assert.equal(isSafeExternalUrl('http://'), false);
  });

  it('finds the data directory from the environment, else where Electron keeps userData', () => {
    assert.equal(defaultDataDir({ FIREBREAK_DATA_DIR: '/tmp/room' }, 'linux'), '/tmp/room');
    assert.equal(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux'), '/cfg/Firebreak');
  });
});
