// Which Python runs a debug runner, in the order issue 14 fixes: the Python extension's selected interpreter, the
// project's .venv, the `tilebox.python.path` setting, then `python3` on PATH. Pure: the caller gathers the facts.

export interface InterpreterFacts {
  /** The Microsoft Python extension's selected interpreter for the project, when that extension is installed. */
  pythonExtension?: string;
  /** The project's `.venv` interpreter when that file exists. */
  projectVenv?: string;
  /** `tilebox.python.path` (machine-scoped; ignored in untrusted workspaces). */
  setting?: string;
  /** An explicit `python` attribute of the launch configuration. */
  launchConfig?: string;
}

export type InterpreterSource = 'launch configuration' | 'Python extension' | 'project .venv' | 'tilebox.python.path' | 'PATH';

export interface Interpreter {
  path: string;
  source: InterpreterSource;
}

export function chooseInterpreter(f: InterpreterFacts): Interpreter {
  const given = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const launch = given(f.launchConfig);
  if (launch) return { path: launch, source: 'launch configuration' };
  const ext = given(f.pythonExtension);
  if (ext) return { path: ext, source: 'Python extension' };
  const venv = given(f.projectVenv);
  if (venv) return { path: venv, source: 'project .venv' };
  const setting = given(f.setting);
  if (setting) return { path: setting, source: 'tilebox.python.path' };
  return { path: 'python3', source: 'PATH' };
}

/** Where a venv keeps its interpreter, relative to the venv folder. */
export function venvPython(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'Scripts/python.exe' : 'bin/python';
}
