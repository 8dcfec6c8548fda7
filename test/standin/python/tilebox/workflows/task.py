# TEST DOUBLE: `Task` (every subclass becomes a dataclass with a validated identifier and execute signature) and the
# `ExecutionContext` handed to `execute`, following the SDK rules in shared/research/python-task-code.md §1.2-1.5.
import inspect
import json
import logging
import re
from abc import ABCMeta
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

_VERSION = re.compile(r"^v(\d+)\.(\d+)$")


@dataclass(frozen=True)
class TaskIdentifier:
    name: str
    version: str

    @classmethod
    def from_name_and_version(cls, name: str, version: str) -> "TaskIdentifier":
        if not name:
            raise ValueError("A task name is required")
        if len(name) > 256:
            raise ValueError("The task name is too long")
        if not _VERSION.match(version):
            raise ValueError(f"Invalid version string: {version}")
        return cls(name, version)


@dataclass(frozen=True)
class TaskMeta:
    identifier: TaskIdentifier
    executable: bool

    @staticmethod
    def for_task(task_class: type) -> "TaskMeta":
        meta = getattr(task_class, "__tilebox_task_meta__", None)
        if meta is None:
            raise TypeError(f"{task_class.__name__} is not a task!")
        return meta


def _identifier(task_class: type) -> TaskIdentifier:
    if not hasattr(task_class, "identifier"):
        return TaskIdentifier.from_name_and_version(task_class.__name__, "v0.0")
    try:
        pair = task_class.identifier()
    except TypeError as e:
        raise TypeError(
            f"Failed to invoke {task_class.__name__}.identifier(). Is it a staticmethod or classmethod without parameters?"
        ) from e
    if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
        raise TypeError(f"Expected {task_class.__name__}.identifier() to return a tuple of two strings")
    return TaskIdentifier.from_name_and_version(*pair)


def _check_execute(name: str, execute: Any) -> None:
    if getattr(execute, "__override__", False):
        return
    params = inspect.signature(execute).parameters
    returns = inspect.signature(execute).return_annotation
    if len(params) != 2 or returns not in (inspect.Signature.empty, None, "None"):
        raise TypeError(
            f"Expected a function signature of {name}.execute(self, context: 'ExecutionContext') -> None, "
            f"but got {name}.execute{inspect.signature(execute)}"
        )


class _Taskify(ABCMeta):
    def __new__(mcs, name, bases, attrs, **kwargs):
        cls = super().__new__(mcs, name, bases, attrs, **kwargs)
        if not bases:
            return cls
        cls = dataclass(cls)
        if "execute" in attrs:
            _check_execute(name, attrs["execute"])
        cls.__tilebox_task_meta__ = TaskMeta(_identifier(cls), "execute" in attrs)
        return cls


def _fields(task_class: type) -> list:
    return [f for f in fields(task_class) if not f.metadata.get("skip_serialization", False)]


class Task(metaclass=_Taskify):
    """Base class of every task: subclasses are dataclasses; `execute(self, context)` runs on a runner."""

    def execute(self, context: "ExecutionContext") -> None:  # noqa: D102 (the base is never executable)
        raise NotImplementedError

    def _serialize(self) -> bytes:
        """The job-input bytes (§1.4): none for no fields, the bare JSON of a single field, else a JSON object."""
        fs = _fields(type(self))
        value = lambda v: _plain(v)  # noqa: E731
        if not fs:
            return b""
        if len(fs) == 1:
            return json.dumps(value(getattr(self, fs[0].name))).encode()
        return json.dumps({f.name: value(getattr(self, f.name)) for f in fs}).encode()

    @classmethod
    def _deserialize(cls, data: bytes | str) -> "Task":
        fs = _fields(cls)
        if not fs:
            return cls()
        decoded = json.loads(data)
        if len(fs) == 1:
            return cls(decoded)
        return cls(**decoded)


def _plain(v: Any) -> Any:
    if is_dataclass(v) and not isinstance(v, type):
        return {f.name: _plain(getattr(v, f.name)) for f in fields(v)}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


@dataclass
class FutureTask:
    index: int
    task: Task
    depends_on: list
    cluster: str | None
    max_retries: int
    optional: bool

    def display(self) -> str:
        return self.task.__class__.__name__


class ProgressUpdate:
    def __init__(self, label: str | None) -> None:
        self.label, self.total, self.done_count = label, 0, 0

    def add(self, n: int) -> None:
        self.total += n

    def done(self, n: int) -> None:
        self.done_count += n


class ExecutionContext:
    """What `execute` gets: the task being run, subtask submission, a logger and progress indicators."""

    def __init__(self, current_task: Any, cluster: str) -> None:
        self.current_task = current_task
        self.logger = logging.getLogger("tilebox.workflows.task")
        self._cluster = cluster
        self._sub_tasks: list[FutureTask] = []
        self._progress: dict[str | None, ProgressUpdate] = {}

    def submit_subtask(self, task: Task, depends_on=None, cluster: str | None = None, max_retries: int = 0,
                       optional: bool = False) -> FutureTask:
        TaskMeta.for_task(type(task))
        deps = depends_on if isinstance(depends_on, list) else [] if depends_on is None else [depends_on]
        for d in deps:
            if not isinstance(d, FutureTask) or d not in self._sub_tasks:
                raise ValueError(f"Dependent task {getattr(d, 'index', d)} does not exist")
        future = FutureTask(len(self._sub_tasks), task, deps, cluster, max_retries, optional)
        self._sub_tasks.append(future)
        return future

    def submit_subtasks(self, tasks: list, depends_on=None, cluster: str | None = None, max_retries: int = 0,
                        optional: bool = False) -> list[FutureTask]:
        return [self.submit_subtask(t, depends_on, cluster, max_retries, optional) for t in tasks]

    def progress(self, label: str | None = None) -> ProgressUpdate:
        if label not in self._progress:
            if len(self._progress) >= 1000:
                raise ValueError("Cannot create more than 1000 progress indicators per task")
            self._progress[label] = ProgressUpdate(label)
        return self._progress[label]
