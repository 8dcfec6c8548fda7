// Field types the SDK's task (de)serialiser rejects on every version (research: python-task-code.md
// 1.4). Deliberately short: a name it does not know (a project dataclass, GeoBox, Geometry, UUID...)
// may be supported by 0.59+'s codecs, so only types no version can put into JSON are reported.
const NEVER_SERIALISABLE: [RegExp, string][] = [
  [/\b(?:Callable|FunctionType|LambdaType|MethodType)\b/, 'a callable cannot be serialised into the task input'],
  [
    /\b(?:Iterator|AsyncIterator|Generator|AsyncGenerator|Coroutine|Awaitable)\b/,
    'an iterator, generator or coroutine cannot be serialised into the task input',
  ],
  [/(?:^|[^\w.])(?:type|Type)\[/, 'a class object cannot be serialised into the task input'],
  [/\b(?:IO|TextIO|BinaryIO|TextIOWrapper|BufferedReader)\b/, 'a file handle cannot be serialised into the task input'],
  [/\bcomplex\b/, 'complex numbers are not supported by the task serialiser'],
  [/\bExecutionContext\b/, 'the execution context is passed to execute(), it cannot be a task input'],
];

/** Why the SDK cannot serialise a field of this type (as written), or undefined when it may. */
export function unsupportedFieldType(type: string): string | undefined {
  const bare = type.replace(/^["']|["']$/g, '');
  for (const [pattern, why] of NEVER_SERIALISABLE) {
    if (pattern.test(bare))
      return `${why} (type ${bare}). Mark it with field(metadata={"skip_serialization": True}) or use a serialisable type.`;
  }
  return undefined;
}
