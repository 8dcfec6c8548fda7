# TEST DOUBLE: a stand-in for the public API of `tilebox.workflows` (Task, ExecutionContext, Runner, Client), for the
# extension's tests and demos only. It talks to no API: direct runners claim tasks from the stand-in CLI's state
# folder ($TILEBOX_STANDIN_STATE) through test/standin/lib/taskQueue.mjs, the same queue `tilebox runner start` uses.
from tilebox.workflows.client import Client
from tilebox.workflows.runner.runner import Runner
from tilebox.workflows.task import ExecutionContext, Task

__all__ = ["Client", "ExecutionContext", "Runner", "Task"]
