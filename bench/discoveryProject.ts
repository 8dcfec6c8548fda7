// Generates the discovery bench's project: N Python modules in the forms real projects use (a few task
// modules with identifiers over constants, a Runner over an imported list, and many plain helper modules).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedFile {
  path: string;
  text: string;
}

function helperModule(i: number): string {
  const lines = [
    `"""Helpers ${i}."""`,
    'import os',
    'from dataclasses import dataclass',
    '',
    `LIMIT_${i} = ${i}`,
    `LABEL = "helper-${i}"`,
    '',
  ];
  for (let f = 0; f < 6; f++) {
    lines.push(
      `def step_${f}(values: list[int], scale: float = 1.5) -> list[float]:`,
      `    """Scale the values (${f})."""`,
      `    out = [v * scale + ${f} for v in values if v % ${f + 2} != 0]`,
      `    if len(out) > LIMIT_${i}:`,
      `        raise ValueError(f"too many: {len(out)} > {LIMIT_${i}}")`,
      '    return out',
      '',
    );
  }
  lines.push(
    '@dataclass',
    `class Point${i}:`,
    '    x: float',
    '    y: float = 0.0',
    '',
    '    def norm(self) -> float:',
    '        return (self.x ** 2 + self.y ** 2) ** 0.5',
    '',
  );
  return lines.join('\n');
}

function taskModule(i: number): string {
  return [
    'from tilebox.workflows import Task, ExecutionContext',
    'from proj.config import PREFIX',
    '',
    `class Child${i}(Task):`,
    '    index: int',
    '    label: str = "x"',
    '',
    '    @staticmethod',
    `    def identifier() -> tuple[str, str]:`,
    `        return f"{PREFIX}/Child${i}", "v1.${i % 10}"`,
    '',
    '    def execute(self, context: ExecutionContext) -> None:',
    '        print(self.index)',
    '',
    `class Parent${i}(Task):`,
    '    count: int',
    '',
    '    async def execute(self, context: ExecutionContext) -> None:',
    `        futures = context.submit_subtasks([Child${i}(k) for k in range(self.count)], max_retries=2)`,
    `        context.submit_subtask(Child${i}(-1), depends_on=futures)`,
    '',
    `TASKS_${i} = [Parent${i}, Child${i}]`,
    '',
  ].join('\n');
}

/** `files` modules: one in fifty declares tasks; `proj/runner.py` registers those of the first ten. */
export function generateProject(files: number): GeneratedFile[] {
  const out: GeneratedFile[] = [{ path: 'proj/config.py', text: 'PREFIX = "tilebox.com/bench"\n' }];
  const taskModules: number[] = [];
  for (let i = 0; out.length < files - 1; i++) {
    const isTask = i % 50 === 0;
    if (isTask) taskModules.push(i);
    out.push({ path: `proj/m${Math.floor(i / 500)}/mod${i}.py`, text: isTask ? taskModule(i) : helperModule(i) });
  }
  const used = taskModules.slice(0, 10);
  out.push({
    path: 'proj/runner.py',
    text: [
      'from tilebox.workflows import Runner',
      ...used.map((i) => `from proj.m${Math.floor(i / 500)}.mod${i} import TASKS_${i}`),
      '',
      `runner = Runner(tasks=[${used.map((i) => `*TASKS_${i}`).join(', ')}])`,
      '',
    ].join('\n'),
  });
  return out;
}

export function writeProject(dir: string, files: GeneratedFile[]): void {
  for (const f of files) {
    mkdirSync(join(dir, f.path, '..'), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
}
