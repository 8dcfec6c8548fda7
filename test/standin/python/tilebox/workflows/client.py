# TEST DOUBLE: `Client` — credentials from the arguments or TILEBOX_API_KEY / TILEBOX_API_URL (an explicit url wins),
# and `runner(...)`, which resolves the cluster once (a wrong slug fails here) and builds a TaskRunner.
import os
from urllib.parse import urlparse

from tilebox.workflows import _queue

_DEFAULT_URL = "https://api.tilebox.com"


class Client:
    def __init__(self, *, url: str | None = None, token: str | None = None, name: str | None = None,
                 client_id: str | None = None, transport: str = "grpc") -> None:
        self.url = url or os.environ.get("TILEBOX_API_URL") or _DEFAULT_URL
        self.token = token or os.environ.get("TILEBOX_API_KEY")
        if not self.token and urlparse(self.url).hostname == "api.tilebox.com":
            raise ValueError(
                "No API key provided and no TILEBOX_API_KEY environment variable set. Please specify an API key using "
                "the token argument."
            )
        self.name = name
        self.transport = transport

    def runner(self, cluster: str | None = None, tasks: list[type] | None = None, cache=None, context=None):
        from tilebox.workflows.runner.runner import Runner
        from tilebox.workflows.runner.task_runner import TaskRunner

        registry = Runner(tasks=tasks, cache=cache, context=context)
        slug = _queue.call("cluster", {"cluster": cluster or ""}, self.token)["slug"]
        return TaskRunner(self, slug, registry)
