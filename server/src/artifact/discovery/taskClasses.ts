// Which project classes are Tilebox tasks (subclasses of `tilebox.workflows.Task` or its CronTask /
// StorageEventTask, directly or through project bases in any module), their MRO, fields and identifier.
import type { ClassFact, ModuleFacts } from './facts';
import type { ProjectSymbols } from './symbols';
import type { StaticField } from './types';

const TASK_BASES = new Set([
  'tilebox.workflows.Task',
  'tilebox.workflows.task.Task',
  'tilebox.workflows.automations.CronTask',
  'tilebox.workflows.automations.cron.CronTask',
  'tilebox.workflows.automations.StorageEventTask',
  'tilebox.workflows.automations.storage_event.StorageEventTask',
]);

export interface ClassRef {
  module: ModuleFacts;
  cls: ClassFact;
}

export const classKey = (c: ClassRef) => `${c.module.file}#${c.cls.name}`;

export class TaskClasses {
  private readonly taskMemo = new Map<ClassFact, boolean>();
  private readonly mroMemo = new Map<ClassFact, ClassRef[]>();

  constructor(private readonly symbols: ProjectSymbols) {}

  /** Project bases of a class (Tilebox's and other external bases left out). */
  bases(c: ClassRef): ClassRef[] {
    return c.cls.bases.flatMap((b) => {
      const s = b.kind === 'name' ? this.symbols.resolve(c.module, b.dotted) : undefined;
      return s?.kind === 'class' ? [{ module: s.module, cls: s.cls }] : [];
    });
  }

  isTask(c: ClassRef): boolean {
    const known = this.taskMemo.get(c.cls);
    if (known !== undefined) return known;
    this.taskMemo.set(c.cls, false); // a cycle of bases is no task
    const result = c.cls.bases.some((b) => {
      if (b.kind !== 'name') return false;
      const s = this.symbols.resolve(c.module, b.dotted);
      if (s?.kind === 'external') return TASK_BASES.has(s.qualified);
      return s?.kind === 'class' && this.isTask({ module: s.module, cls: s.cls });
    });
    this.taskMemo.set(c.cls, result);
    return result;
  }

  /** C3 linearisation over project classes (falls back to depth-first order when C3 has no answer). */
  mro(c: ClassRef, seen = new Set<ClassFact>()): ClassRef[] {
    const memo = this.mroMemo.get(c.cls);
    if (memo) return memo;
    if (seen.has(c.cls)) return [c];
    seen.add(c.cls);
    const bases = this.bases(c);
    const sequences = [...bases.map((b) => [...this.mro(b, seen)]), [...bases]];
    const out: ClassRef[] = [c];
    for (;;) {
      const nonEmpty = sequences.filter((s) => s.length > 0);
      if (nonEmpty.length === 0) break;
      const head = nonEmpty.map((s) => s[0]).find((h) => !nonEmpty.some((s) => s.slice(1).some((x) => x.cls === h.cls)));
      if (!head) {
        // inconsistent hierarchy: Python would refuse it; keep a usable order
        for (const s of nonEmpty) for (const x of s) if (!out.some((o) => o.cls === x.cls)) out.push(x);
        break;
      }
      out.push(head);
      for (const s of sequences) if (s[0]?.cls === head.cls) s.shift();
    }
    this.mroMemo.set(c.cls, out);
    return out;
  }

  /** dataclass() fields: collected from the most basic class down, a redefinition keeping its first position. */
  fields(c: ClassRef): StaticField[] {
    const out: StaticField[] = [];
    for (const k of [...this.mro(c)].reverse()) {
      if (!this.isTask(k)) continue;
      for (const f of k.cls.fields) {
        const field: StaticField = { name: f.name, type: f.type, ...(f.default !== undefined ? { default: f.default } : {}) };
        const at = out.findIndex((o) => o.name === f.name);
        if (at >= 0) out[at] = field;
        else out.push(field);
      }
    }
    return out;
  }

  /** The class whose `identifier()` this class uses (its own or the nearest in its MRO). */
  identifierOwner(c: ClassRef): ClassRef | undefined {
    return this.mro(c).find((k) => k.cls.identifier);
  }
}
