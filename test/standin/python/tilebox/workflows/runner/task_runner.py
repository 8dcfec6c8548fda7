# TEST DOUBLE: `TaskRunner`, the loop a direct runner runs (python-task-code.md §1.6, §2.2): one task at a time,
# claimed from the stand-in queue; `run_all()` returns at the first idle answer, `run_forever()` never on its own.
# SIGINT/SIGTERM: stop claiming; a running task gets 2 s, is then given back ("interrupted", no retry used), and
# the original handler runs; a second signal exits at once. Constructing it starts the lease renewer, a spawn child.
import multiprocessing
import os
import signal
import time
import traceback
from types import SimpleNamespace

from tilebox.workflows import _queue
from tilebox.workflows.task import ExecutionContext, TaskIdentifier, TaskMeta



def _renew_leases(parent: int) -> None:
    """The lease renewer: keeps leases alive while its parent runs, and ends when the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal reaches the whole group; the parent decides
    while os.getppid() == parent:
        time.sleep(0.2)


def _compatible(submitted: TaskIdentifier, registered: TaskIdentifier) -> bool:
    s, r = submitted.version[1:].split("."), registered.version[1:].split(".")
    return submitted.name == registered.name and s[0] == r[0] and int(r[1]) >= int(s[1])


class RunnerShutdown(Exception):
    pass


class TaskRunner:
    def __init__(self, client, cluster: str, registry) -> None:
        self._client, self.cluster, self._registry = client, cluster, registry
        self._name = f"direct-runner-{os.getpid()}"
        self._running = None
        self._stopping = False
        self._renewer = multiprocessing.get_context("spawn").Process(
            target=_renew_leases, args=(os.getpid(),), daemon=True, name="lease-renewer"
        )
        self._renewer.start()

    def run_forever(self) -> None:
        self._run(stop_when_idle=False)

    def run_all(self) -> None:
        self._run(stop_when_idle=True)

    def _call(self, verb: str, payload: dict) -> dict:
        return _queue.call(verb, {**payload, "runner": self._name}, self._client.token)

    def _run(self, stop_when_idle: bool) -> None:
        originals = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
        for sig in originals:
            signal.signal(sig, lambda signum, frame: self._on_signal(signum, frame, originals))
        try:
            identifiers = [{"name": i.name, "version": i.version} for i in self._registry.task_identifiers]
            while not self._stopping:
                answer = self._call("claim", {"cluster": self.cluster, "identifiers": identifiers})
                if "task" not in answer:
                    if stop_when_idle:
                        return
                    # The API's "idle for N", clamped as the SDK does (1 ms .. 5 min).
                    time.sleep(min(max(float(answer.get("idle_seconds", 5)), 0.001), 300))
                    continue
                self._execute(answer["task"])
        finally:
            for sig, handler in originals.items():
                signal.signal(sig, handler)

    def _on_signal(self, signum, frame, originals) -> None:
        if self._stopping:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        self._stopping = True
        task = self._running
        if task is not None:
            time.sleep(2)
            self._running = None
            self._call("failed", {"task": task["id"], "message": "RunnerShutdown('Task was interrupted')",
                                  "workflow_error": False})
        original = originals[signum]
        if callable(original):
            original(signum, frame)
        elif original == signal.SIG_DFL:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)

    def _execute(self, task: dict) -> None:
        submitted = TaskIdentifier(task["identifier"]["name"], task["identifier"]["version"])
        task_class = next((c for i, c in self._registry.tasks_by_identifier.items() if _compatible(submitted, i)), None)
        if task_class is None:
            self._call("failed", {"task": task["id"], "message": f"unknown task identifier {submitted}",
                                  "workflow_error": False})
            return
        record = SimpleNamespace(**task)
        context = ExecutionContext(record, self.cluster)
        self._running = task
        try:
            task_class._deserialize(task["input"] or b"").execute(context)
        except Exception as error:  # noqa: BLE001 (every task failure is reported, as the SDK's executor does)
            if self._running is None:
                return  # already given back by a shutdown signal
            self._running = None
            traceback.print_exc()
            self._call("failed", {"task": task["id"], "message": "".join(traceback.format_exception(error)).strip(),
                                  "display": f"{record.display}\n{error!r}", "workflow_error": True})
            return
        if self._running is None:
            return
        self._running = None
        subtasks = [
            {"identifier": {"name": m.identifier.name, "version": m.identifier.version},
             "input": f.task._serialize().decode(), "display": f.display()}
            for f in context._sub_tasks
            for m in [TaskMeta.for_task(type(f.task))]
        ]
        self._call("computed", {"task": task["id"], "subtasks": subtasks})
