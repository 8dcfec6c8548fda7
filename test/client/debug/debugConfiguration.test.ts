// The `tilebox` launch configuration: which Runner starts, and the debugpy launch it becomes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  chooseRunner,
  debugpyLaunch,
  defaultLaunchConfig,
  exceptionFilters,
  moduleFiles,
} from '../../../client/src/debug/debugConfiguration';

test('the runner comes from the launch configuration, then [workflow].runner, then the one Runner found', () => {
  assert.deepEqual(chooseRunner({ launch: 'a.b:r', toml: 'c:d', discovered: ['e:f'] }), {
    ok: true,
    runner: 'a.b:r',
    from: 'launch configuration',
  });
  assert.deepEqual(chooseRunner({ toml: 'scene_qa.runner:runner', discovered: ['e:f'] }), {
    ok: true,
    runner: 'scene_qa.runner:runner',
    from: '[workflow].runner',
  });
  assert.deepEqual(chooseRunner({ toml: 5, discovered: ['e:f', 'e:f'] }), {
    ok: true,
    runner: 'e:f',
    from: 'found in the project',
  });
});

test('a runner string that points nowhere, or no runner at all, is one clear message', () => {
  const bad = chooseRunner({ toml: 'scene_qa/runner.py' });
  assert.equal(bad.ok, false);
  assert.match(!bad.ok ? bad.message : '', /The runner "scene_qa\/runner.py" \(\[workflow\]\.runner\) is not '<module>:<object>'/);
  assert.match(
    !chooseRunner({}).ok ? (chooseRunner({}) as { message: string }).message : '',
    /^No Runner to start: set \[workflow\]\.runner/,
  );
  const two = chooseRunner({ discovered: ['a:r', 'b:r'] });
  assert.match(!two.ok ? two.message : '', /Several Runners were found \(a:r, b:r\)/);
  assert.deepEqual(moduleFiles('scene_qa.runner:runner'), ['scene_qa/runner.py', 'scene_qa/runner/__init__.py']);
});

test('the debugpy launch runs the generated script in the workflow root; key and URL only in its environment', () => {
  const launch = debugpyLaunch(defaultLaunchConfig(), {
    root: '/w/proj',
    runner: 'scene_qa.runner:runner',
    cluster: 'debug-x-123',
    python: '/w/proj/.venv/bin/python',
    launcherPath: '/g/tilebox_debug_runner.py',
    apiKey: 'secret-key',
    apiUrl: 'http://localhost:1',
  });
  assert.equal(launch.program, '/g/tilebox_debug_runner.py');
  assert.deepEqual(launch.args, ['scene_qa.runner:runner', 'debug-x-123']);
  assert.equal(launch.cwd, '/w/proj');
  assert.equal(launch.python, '/w/proj/.venv/bin/python');
  assert.deepEqual(launch.env, {
    TILEBOX_API_KEY: 'secret-key',
    PYTHONUNBUFFERED: '1',
    TILEBOX_API_URL: 'http://localhost:1',
  });
  assert.ok(!JSON.stringify(launch.args).includes('secret-key'));
  assert.equal(launch.console, 'internalConsole', 'a terminal would show the environment in its command line');
  assert.equal(launch.subProcess, false);
  assert.equal(launch.onTerminate, 'KeyboardInterrupt');
  assert.deepEqual(launch.rules, [{ module: 'tilebox', include: false }]);
  const noUrl = debugpyLaunch(defaultLaunchConfig(), {
    root: '/w',
    runner: 'a:b',
    cluster: 'c',
    python: 'p',
    launcherPath: 'l',
    apiKey: 'k',
  });
  assert.ok(!('TILEBOX_API_URL' in (noUrl.env as object)));
  const run = debugpyLaunch(
    { ...defaultLaunchConfig(), noDebug: true },
    { root: '/w', runner: 'a:b', cluster: 'c', python: 'p', launcherPath: 'l', apiKey: 'k' },
  );
  assert.ok(!('onTerminate' in run), "Run Task: debugpy has no debug server to forward Stop's interrupt to");
});

test('Debug Failed Task adds the "user-uncaught" exception filter once', () => {
  assert.deepEqual(exceptionFilters(['uncaught'], true), ['uncaught', 'userUnhandled']);
  assert.deepEqual(exceptionFilters(['userUnhandled'], true), ['userUnhandled']);
  assert.deepEqual(exceptionFilters(['uncaught'], false), ['uncaught']);
});
