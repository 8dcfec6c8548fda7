# TEST DOUBLE: the stand-in's "API": requests to test/standin/lib/taskQueue.mjs, the queue the stand-in CLI keeps in
# $TILEBOX_STANDIN_STATE. One `taskQueue.mjs serve` child per process is the connection (the SDK keeps one channel
# too); it ends when this process does (its stdin closes). The API key travels in each request, never in argv.
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

_QUEUE = Path(__file__).resolve().parents[3] / "lib" / "taskQueue.mjs"
_lock = threading.Lock()
_server: subprocess.Popen | None = None


class ApiError(Exception):
    pass


def _connection() -> subprocess.Popen:
    global _server
    if _server is None or _server.poll() is not None:
        node = os.environ.get("TILEBOX_STANDIN_NODE") or shutil.which("node")
        if not node:
            raise ApiError("the stand-in API needs node on PATH (or TILEBOX_STANDIN_NODE)")
        # stderr is inherited: the queue's log lines show where the runner's own output goes.
        _server = subprocess.Popen([node, str(_QUEUE), "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   text=True, bufsize=1)
    return _server


def call(verb: str, payload: dict, token: str | None) -> dict:
    with _lock:
        server = _connection()
        server.stdin.write(json.dumps({"verb": verb, "payload": payload, "token": token or ""}) + "\n")
        server.stdin.flush()
        line = server.stdout.readline()
    if not line:
        raise ApiError(f"stand-in API call {verb} failed: the queue process ended")
    answer = json.loads(line)
    if "error" in answer:
        raise ApiError(answer["error"])
    return answer["ok"]
