// Schema stage, second step: does a known key's value have the documented type? A wrong one is an error saying
// what to write instead (a string where an array belongs offers to wrap it).
import { KEY_EXAMPLES } from './keyExamples';
import type { KeyDoc } from './keyDocs';
import type { ModelBuild } from './modelBuild';
import { type ValueNode, valueKindName } from './toml/ast';

export function checkType({ error }: ModelBuild, doc: KeyDoc, value: ValueNode): boolean {
  const example = KEY_EXAMPLES[doc.key];
  if (doc.type === 'boolean' && value.kind !== 'boolean') {
    const quoted = value.kind === 'string' && /^(true|false)$/i.test(value.value);
    error(
      'wrong-type',
      value,
      `${doc.key} must be true or false, not ${valueKindName(value)}. Write ${example}${quoted ? ' (without quotes)' : ''}.`,
      quoted ? { replacement: value.value.toLowerCase() } : undefined,
    );
    return false;
  }
  if (doc.type === 'string' && value.kind !== 'string') {
    error('wrong-type', value, `${doc.key} must be a string in quotes, not ${valueKindName(value)}. Write ${example}.`, quotedData(value));
    return false;
  }
  if (doc.type === 'string-array') {
    if (value.kind !== 'array') {
      const wrap = value.kind === 'string';
      error(
        'wrong-type',
        value,
        `${doc.key} must be an array of strings, not ${valueKindName(value)}. Write ${wrap ? `${doc.key} = [${value.value === '' ? '""' : JSON.stringify(value.value)}]` : example}.`,
        wrap ? { wrapInArray: true } : undefined,
      );
      return false;
    }
    let ok = true;
    for (const item of value.items) {
      if (item.kind === 'string') continue;
      error(
        'wrong-type',
        item,
        `Every item of ${doc.key} must be a string in quotes, not ${valueKindName(item)}. Example: ${example}.`,
        quotedData(item),
      );
      ok = false;
    }
    return ok;
  }
  return true;
}

/** A bare scalar where a string belongs (`slug = 42`, `clusters = [dev]`): the fix puts it in quotes;
 *  a one-string array where a string belongs (`slug = ["a"]`) is unwrapped. */
function quotedData(value: ValueNode): { replacement: string } | undefined {
  if (value.kind === 'number' || value.kind === 'datetime' || value.kind === 'bare') return { replacement: JSON.stringify(value.raw) };
  if (value.kind === 'boolean') return { replacement: JSON.stringify(String(value.value)) };
  if (value.kind === 'array' && value.items.length === 1 && value.items[0].kind === 'string')
    return { replacement: JSON.stringify(value.items[0].value) };
  return undefined;
}
