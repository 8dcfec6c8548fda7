// The Python script a debug runner runs: imports the project's Runner (`module:object`), connects it to one cluster
// and runs it forever. The `if __name__ == "__main__"` guard matters: the SDK's lease renewer is a multiprocessing
// *spawn* child, which imports this script again as `__mp_main__`. It prints one READY line with the registered
// identifiers, which the extension waits for before it submits a job. Pure text; written to global storage.

export const READY_MARKER = 'TILEBOX_DEBUG_RUNNER_READY';

export const LAUNCHER_FILE = 'tilebox_debug_runner.py';

export const LAUNCHER_SCRIPT = `# Written by the Tilebox Workflows extension: runs a project's Runner as a direct runner on one cluster
# (Debug Task / Run Task). Arguments: <module:object> <cluster-slug>. The API key and URL come from the environment.
import importlib
import json
import os
import sys


def main():
    target, cluster = sys.argv[1], sys.argv[2]
    module_name, _, attribute = target.partition(":")
    sys.path.insert(0, os.getcwd())
    from tilebox.workflows import Client, Runner

    runner = importlib.import_module(module_name)
    for part in attribute.split("."):
        runner = getattr(runner, part)
    if not isinstance(runner, Runner):
        sys.exit(f"{target} is a {type(runner).__name__}, not a tilebox.workflows.Runner: point [workflow].runner at one.")
    url = os.environ.get("TILEBOX_API_URL")
    task_runner = runner.connect_to(Client(url=url) if url else Client(), cluster=cluster)
    identifiers = [{"name": i.name, "version": i.version, "class": c.__name__} for i, c in runner.tasks_by_identifier.items()]
    ready = json.dumps({"runner": target, "cluster": cluster, "identifiers": identifiers})
    print(f"${READY_MARKER} {ready}", flush=True)
    task_runner.run_forever()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("Tilebox debug runner stopped.", flush=True)
`;

export interface RegisteredTask {
  name: string;
  version: string;
  class: string;
}
export interface ReadyInfo {
  runner: string;
  cluster: string;
  identifiers: RegisteredTask[];
}

/** The READY line in a chunk of runner output, if there is one. */
export function parseReady(output: string): ReadyInfo | undefined {
  const line = output.split('\n').find((l) => l.startsWith(`${READY_MARKER} `));
  if (!line) return undefined;
  try {
    const v = JSON.parse(line.slice(READY_MARKER.length + 1)) as ReadyInfo;
    return typeof v.cluster === 'string' && Array.isArray(v.identifiers) ? v : undefined;
  } catch {
    return undefined;
  }
}
