// When the language server collects garbage itself: shortly after the last answer, and only once the old generation
// has grown enough since the last collection (a collection per answer would cost more than it saves).
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { IdleCollector } from '../../../server/src/lsp/idleCollector';

const MB = 1024 * 1024;

test('collects once after a burst of answers, when the heap grew by a sixteenth of what stayed live', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let heap = 32 * MB;
    let collections = 0;
    const collector = new IdleCollector(
      () => {
        collections++;
        heap = 33 * MB; // what survives the collection
      },
      () => heap,
    );
    heap += MB;
    collector.answered();
    mock.timers.tick(100);
    assert.equal(collections, 0, '1 MB on 32 MB live is not worth a collection');

    heap += 2 * MB;
    collector.answered();
    mock.timers.tick(10);
    collector.answered(); // the preview request right after the check: still one collection, after the last answer
    mock.timers.tick(10);
    assert.equal(collections, 0, 'not while answers are still going out');
    mock.timers.tick(100);
    assert.equal(collections, 1);

    // Measured again from what survived: 33 MB live, so the next one needs ~2 MB more.
    heap = 34 * MB;
    collector.answered();
    mock.timers.tick(100);
    assert.equal(collections, 1);
    heap = 36 * MB;
    collector.answered();
    mock.timers.tick(100);
    assert.equal(collections, 2);
    collector.dispose();
  } finally {
    mock.timers.reset();
  }
});

test('a small heap still waits for a whole megabyte of growth', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let heap = 4 * MB;
    let collections = 0;
    const collector = new IdleCollector(
      () => collections++,
      () => heap,
    );
    heap += 0.9 * MB;
    collector.answered();
    mock.timers.tick(100);
    assert.equal(collections, 0);
    heap += 0.2 * MB;
    collector.answered();
    mock.timers.tick(100);
    assert.equal(collections, 1);
  } finally {
    mock.timers.reset();
  }
});
