# TEST DOUBLE: `tilebox.workflows.runner` (the Runner registry and the TaskRunner polling loop it becomes).
from tilebox.workflows.runner.runner import Runner

__all__ = ["Runner"]
