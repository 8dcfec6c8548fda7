import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ArtifactPreview } from '../../../../server/src/shared/protocol';
import { buildFolderTree, type FolderNode } from '../../../../client/src/artifact/model/folderTree';
import { fileItem, filesGroupItem, folderItem, summaryItem, EXPAND_ALL_BELOW } from '../../../../client/src/artifact/model/artifactItems';
import { taskItem, tasksGroupItem } from '../../../../client/src/artifact/model/taskItems';
import { ReleaseMembership } from '../../../../client/src/artifact/model/releaseMembership';
import { archivePathOf, archiveUriParts, archiveEntryItem } from '../../../../client/src/artifact/model/archiveItems';

const preview: ArtifactPreview = {
  root: '/p',
  slug: 'scene-qa',
  files: [
    { path: 'pyproject.toml', size: 100 },
    { path: 'scene_qa/__init__.py', size: 0 },
    { path: 'scene_qa/tasks.py', size: 2048 },
    { path: 'scene_qa/sub/x.py', size: 1000 },
  ],
  excluded: [
    { path: '.venv/', reason: 'exclude pattern ".venv/**"' },
    { path: 'scene_qa/__pycache__/', reason: '.gitignore:1 "__pycache__/"' },
    { path: 'scene_qa/notes.log', reason: '.gitignore:3 "*.log"' },
    { path: 'output/result.tif', reason: '.gitignore:2 "output/"' },
  ],
  totalBytes: 3148,
  tasks: [
    { name: 'tilebox.com/FetchScene', version: 'v1.0', file: 'scene_qa/tasks.py', line: 4, className: 'FetchScene' },
    { name: 'Orphan', version: 'v0.0', file: 'scene_qa/tasks.py', line: 20, className: 'Orphan' },
  ],
  runners: [{ file: 'scene_qa/runner.py', line: 6, variable: 'runner', taskClassNames: ['FetchScene'] }],
};

/** The tree as indented lines (name, size or reason), the way the view shows it. */
function render(folder: FolderNode, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  return [
    ...folder.folders.flatMap((f) => [
      `${pad}${f.name}/ ${f.fileCount} files ${f.size} B, ${f.excludedCount} excluded`,
      ...render(f, depth + 1),
    ]),
    ...folder.files.map(
      (f) =>
        `${pad}${f.name}${f.prunedFolder ? '/' : ''} ${f.excludedBecause !== undefined ? `(excluded: ${f.excludedBecause})` : `${f.size} B`}`,
    ),
  ];
}

test('the preview becomes a folder tree with sizes, excluded candidates in their folders', () => {
  const root = buildFolderTree(preview);
  assert.deepEqual(render(root), [
    'output/ 0 files 0 B, 1 excluded',
    '  result.tif (excluded: .gitignore:2 "output/")',
    'scene_qa/ 3 files 3048 B, 2 excluded',
    '  sub/ 1 files 1000 B, 0 excluded',
    '    x.py 1000 B',
    '  __pycache__/ (excluded: .gitignore:1 "__pycache__/")',
    '  __init__.py 0 B',
    '  notes.log (excluded: .gitignore:3 "*.log")',
    '  tasks.py 2048 B',
    '.venv/ (excluded: exclude pattern ".venv/**")',
    'pyproject.toml 100 B',
  ]);
  assert.equal(root.fileCount, 4);
  assert.equal(root.size, preview.totalBytes);
  assert.equal(root.excludedCount, 4);
});

test('items: totals line, folders with sizes, excluded files greyed with the reason in the tooltip', () => {
  const root = buildFolderTree(preview);
  const summary = summaryItem(preview, 'tilebox.workflow.toml', 'cfg');
  assert.equal(summary.label, '4 files · 3.1 KB');
  assert.equal(summary.description, '4 excluded · scene-qa');
  assert.match(summary.tooltip!, /Found statically \(best effort\): 2 tasks, 1 runner\./);
  assert.equal(filesGroupItem(root, 'cfg').description, '4 files · 3.1 KB · 4 excluded');

  const sceneQa = root.folders.find((f) => f.name === 'scene_qa')!;
  const folder = folderItem(sceneQa, root.fileCount, 'cfg');
  assert.equal(folder.description, '3 files · 3.0 KB · 2 excluded');
  assert.equal(folder.collapsible, 'expanded', `a small artifact (<= ${EXPAND_ALL_BELOW} files) opens fully`);
  assert.equal(folderItem(sceneQa, EXPAND_ALL_BELOW + 1, 'cfg').collapsible, 'collapsed');
  const output = folderItem(root.folders.find((f) => f.name === 'output')!, 4, 'cfg');
  assert.equal(output.excluded, true, 'a folder holding only excluded candidates is greyed');

  const log = fileItem(sceneQa.files.find((f) => f.name === 'notes.log')!, 'cfg');
  assert.equal(log.excluded, true);
  assert.equal(log.description, 'excluded');
  assert.match(log.tooltip!, /Excluded by \.gitignore:3 "\*\.log"\./);
  assert.equal(log.resourcePath, 'scene_qa/notes.log');
  const tasks = fileItem(sceneQa.files.find((f) => f.name === 'tasks.py')!, 'cfg');
  assert.equal(tasks.excluded, undefined);
  assert.equal(tasks.description, '2.0 KB');
  const ids = [summary, folder, log, tasks].map((i) => i.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique in the view');
});

test('task items show the identifier, open at the class line, and flag tasks no runner lists', () => {
  const group = tasksGroupItem(preview.tasks, preview.runners, 'cfg');
  assert.equal(group.description, '2 found statically');
  assert.match(group.tooltip!, /`runner` in `scene_qa\/runner\.py:6` registers 1 task/);
  const fetch = taskItem(preview.tasks[0], preview.runners, 'cfg');
  assert.deepEqual(
    [fetch.label, fetch.description, fetch.resourcePath, fetch.line],
    ['tilebox.com/FetchScene', 'v1.0 · FetchScene', 'scene_qa/tasks.py', 4],
  );
  assert.match(fetch.tooltip!, /Registered by `runner`/);
  const orphan = taskItem(preview.tasks[1], preview.runners, 'cfg');
  assert.equal(orphan.description, 'v0.0 · not in a runner');
  assert.match(orphan.tooltip!, /runners of this release will not execute it/);
  assert.equal(taskItem(preview.tasks[1], [], 'cfg').description, 'v0.0', 'without any runner found, nothing is flagged');
});

test('release membership answers the explorer badge for files of one or more configs', () => {
  const m = new ReleaseMembership();
  const root = join('/work', 'proj');
  assert.deepEqual(m.set('a.toml', 'alpha', root, ['pkg/x.py', 'pyproject.toml']).sort(), [
    join(root, 'pkg/x.py'),
    join(root, 'pyproject.toml'),
  ]);
  m.set('b.toml', 'beta', root, ['pyproject.toml']);
  assert.equal(m.tooltipFor(join(root, 'pyproject.toml')), 'In the release artifact of alpha, beta');
  assert.equal(m.tooltipFor(join(root, 'pkg', 'x.py')), 'In the release artifact of alpha');
  assert.equal(m.tooltipFor(join(root, 'other.py')), undefined);
  assert.deepEqual(m.set('a.toml', 'alpha', root, ['pyproject.toml']), [join(root, 'pkg/x.py')], 'only what changed is redrawn');
  assert.equal(m.tooltipFor(join(root, 'pkg', 'x.py')), undefined);
  m.remove('b.toml');
  assert.deepEqual(m.slugsFor(join(root, 'pyproject.toml')), ['alpha']);
});

test('archive URIs carry the archive path so restored editors can reload it', () => {
  const parts = archiveUriParts('/home/u/my wf/scene-qa.tar.zst', 'scene_qa/tasks.py');
  assert.equal(parts.scheme, 'tilebox-artifact');
  assert.equal(parts.path, '/scene_qa/tasks.py');
  assert.equal(archivePathOf(parts.query), '/home/u/my wf/scene-qa.tar.zst');
  assert.equal(archivePathOf(''), undefined);
  const item = archiveEntryItem('/a.tar.zst', {
    path: 'pkg/run.sh',
    name: 'run.sh',
    type: 'file',
    size: 2048,
    mtime: 0,
    entry: { path: 'pkg/run.sh', type: 'file', size: 2048, mode: 0o755, mtime: 0 },
  });
  assert.deepEqual([item.label, item.description, item.isFile, item.collapsible], ['run.sh', '2.0 KB', true, 'none']);
  assert.match(item.tooltip!, /mode 0755/);
});

test('while the tasks are still being looked for, the Tasks row and the summary say so instead of "0 found"', () => {
  const pending = { ...preview, tasks: [], runners: [], tasksPending: true };
  const group = tasksGroupItem(pending.tasks, pending.runners, 'cfg', true);
  assert.deepEqual([group.description, group.icon, group.collapsible], ['reading the selected .py files…', { id: 'loading~spin' }, 'none']);
  assert.match(summaryItem(pending, 'tilebox.workflow.toml', 'cfg').tooltip!, /still reading the selected `\.py` files/);
  assert.doesNotMatch(summaryItem(preview, 'tilebox.workflow.toml', 'cfg').tooltip!, /still reading/);
});
