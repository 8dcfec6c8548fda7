# TEST DOUBLE: `Runner`, the plain registry of task classes that `[workflow].runner` names and `connect_to` turns into
# a polling TaskRunner (python-task-code.md §1.6): keyword-only arguments, the SDK's three registration errors.
from typing import Any

from tilebox.workflows.task import TaskIdentifier, TaskMeta


class Runner:
    def __init__(self, *, tasks: list[type] | None = None, cache: Any = None, context: type | None = None) -> None:
        self.cache = cache
        self.context = context
        self.tasks_by_identifier: dict[TaskIdentifier, type] = {}
        for task in tasks or []:
            self.register(task)

    def register(self, task: type) -> None:
        meta = TaskMeta.for_task(task)
        if not meta.executable:
            named = "" if meta.identifier.name == task.__name__ else f" ({meta.identifier.name})"
            raise ValueError(
                f"Task {task.__name__}{named} is not executable. It must have an execute method in order to register "
                "it with a task runner."
            )
        if meta.identifier in self.tasks_by_identifier:
            raise ValueError(
                f"Duplicate task identifier: A task '{meta.identifier.name}' with version '{meta.identifier.version}' "
                "is already registered."
            )
        self.tasks_by_identifier[meta.identifier] = task

    @property
    def task_identifiers(self) -> list[TaskIdentifier]:
        return list(self.tasks_by_identifier)

    def connect_to(self, client: Any, cluster: str | None = None) -> "TaskRunner":  # noqa: F821
        return client.runner(cluster=cluster, tasks=list(self.tasks_by_identifier.values()), cache=self.cache,
                             context=self.context)
