// The debug runner's cluster against the stand-in: created on request and remembered, reused while it exists,
// asked again when it is gone, and a target's cluster only after a confirmation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Dismissed } from '../../../client/src/commands/flow';
import { debugClusterFor } from '../../../client/src/debug/debugClusterFlow';
import { DEV, world } from '../commands/support';

function setup() {
  const w = world();
  const remembered = new Map<string, string | undefined>();
  const memory = {
    get: (dir: string) => remembered.get(dir),
    set: async (dir: string, slug: string | undefined) => void remembered.set(dir, slug),
  };
  const deps = (ui: ReturnType<typeof w.ui>) => ({ cli: w.h.cli, ui, memory, userName: 'ada' });
  return { w, remembered, deps };
}

test('"Create a development cluster" runs cluster create once; the next debug session reuses it without asking', async () => {
  const { w, remembered, deps } = setup();
  const ui = w.ui({ pick: 'Create a development cluster' });
  const slug = await debugClusterFor(deps(ui), w.project);
  assert.match(slug, /^debug-ada-[A-Za-z0-9]{14}$/);
  assert.equal(remembered.get(w.project.dir), slug);
  assert.ok(w.commandsRun().includes('cluster create debug-ada --json'));
  assert.equal(await debugClusterFor(deps(w.ui()), w.project), slug, 'no question the second time');
});

test('a remembered cluster that was deleted is asked for again', async () => {
  const { w, remembered, deps } = setup();
  remembered.set(w.project.dir, 'gone-cluster-1234');
  const ui = w.ui({ pick: 'prod-eu' }, { confirm: false });
  await assert.rejects(debugClusterFor(deps(ui), w.project), Dismissed);
  assert.equal(ui.asked[0].kind, 'pick');
});

test('a cluster of a target is marked and needs a confirmation naming the target', async () => {
  const { w, remembered, deps } = setup();
  const ui = w.ui({ pick: DEV }, { confirm: true });
  assert.equal(await debugClusterFor(deps(ui), w.project), DEV);
  assert.match(ui.asked[0].items?.find((l) => /dev-cluster/.test(l)) ?? '', /^\$\(warning\) /);
  assert.match(ui.asked[1].title, /^Debug on dev-cluster-9xK2mQ4pL8nR7s\? It is a cluster of the target dev\.$/);
  assert.equal(remembered.get(w.project.dir), DEV);
});
