// V8's full garbage collection, exposed at run time (Node has no API for it): the headless build collects between
// frames to bound memory, the language server between answers (lsp/idleCollector.ts).
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** The collection, or undefined where exposing it is refused (the caller then leaves collection to V8). */
export function fullCollection(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}
