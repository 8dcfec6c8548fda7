// Finding the CLI: setting, then PATH, then ~/.local/bin; a set-but-missing path is reported, not bypassed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateCli } from '../../../client/src/cliAdapter/locate';
import { STANDIN_BIN } from './helpers';

const only =
  (...present: string[]) =>
  (f: string) =>
    present.includes(f);

test('the configured path wins, with ~ expanded', () => {
  assert.deepEqual(
    locateCli({
      configuredPath: '~/bin/tilebox',
      pathEnv: '/usr/bin',
      home: '/home/u',
      platform: 'linux',
      isExecutable: only('/home/u/bin/tilebox', '/usr/bin/tilebox'),
    }),
    { path: '/home/u/bin/tilebox' },
  );
});

test('a configured path that does not exist is not silently replaced by another binary', () => {
  assert.deepEqual(
    locateCli({
      configuredPath: '/opt/tb',
      pathEnv: '/usr/bin',
      home: '/home/u',
      platform: 'linux',
      isExecutable: only('/usr/bin/tilebox'),
    }),
    { searched: ['/opt/tb'] },
  );
});

test('PATH in order, then ~/.local/bin; everything searched is listed when nothing is found', () => {
  assert.deepEqual(locateCli({ pathEnv: '/a:/b', home: '/h', platform: 'linux', isExecutable: only('/b/tilebox') }), {
    path: '/b/tilebox',
  });
  assert.deepEqual(locateCli({ pathEnv: '/a::/b', home: '/h', platform: 'linux', isExecutable: only('/h/.local/bin/tilebox') }), {
    path: '/h/.local/bin/tilebox',
  });
  assert.deepEqual(locateCli({ pathEnv: '/a', home: '/h', platform: 'linux', isExecutable: only() }), {
    searched: ['/a/tilebox', '/h/.local/bin/tilebox'],
  });
});

test('Windows: ; separated PATH and .exe/.cmd names', () => {
  const r = locateCli({
    pathEnv: 'C:\\x;"C:\\Program Files\\Tilebox"',
    home: 'C:\\Users\\u',
    platform: 'win32',
    isExecutable: only('C:\\Program Files\\Tilebox\\tilebox.exe'),
  });
  assert.deepEqual(r, { path: 'C:\\Program Files\\Tilebox\\tilebox.exe' });
});

test('the real file system check finds the stand-in and rejects a directory', () => {
  const dir = STANDIN_BIN.slice(0, STANDIN_BIN.lastIndexOf('/'));
  assert.deepEqual(locateCli({ pathEnv: dir, platform: 'linux' }), { path: STANDIN_BIN });
  assert.deepEqual(locateCli({ configuredPath: dir, platform: 'linux' }), { searched: [dir] });
});
