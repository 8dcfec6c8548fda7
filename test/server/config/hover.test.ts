// Hover text as the editor renders it (Markdown): table headers stay readable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hoverAt } from '../../../server/src/config/index';
import { cursor } from './helpers';

const hoverText = (marked: string) => {
  const { text, offset } = cursor(marked);
  return (hoverAt(text, offset)!.contents as MarkupContent).value;
};

/** What a Markdown renderer that drops unknown HTML tags (VS Code's hover does) leaves outside code spans. */
const outsideCode = (markdown: string) => markdown.replace(/`[^`]*`/g, '').replace(/<[^>]*>/g, '');

test('hover on a target table names [targets.<name>] in a code span, so <name> is not eaten as an HTML tag', () => {
  const header = hoverText('[tar|gets.dev]\nclusters = ["a"]\n');
  assert.match(header, /^\*\*`\[targets\.<name>\]`\*\*/);
  assert.doesNotMatch(outsideCode(header), /<|>/);
  assert.match(hoverText('[targets.d|ev]\nclusters = ["a"]\n'), /^\*\*`\[targets\.dev\]`\*\*/);
  assert.match(hoverText('[targets.dev]\nclus|ters = ["a"]\n'), /in `\[targets\.<name>\]`/);
  assert.match(hoverText('[work|flow]\n'), /^\*\*`\[workflow\]`\*\*/);
});
