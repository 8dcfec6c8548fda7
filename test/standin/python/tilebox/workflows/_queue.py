# TEST DOUBLE: the stand-in's "API": one call to test/standin/lib/taskQueue.mjs, the queue the stand-in CLI keeps in
# $TILEBOX_STANDIN_STATE. The API key reaches it through the environment only.
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

_QUEUE = Path(__file__).resolve().parents[3] / "lib" / "taskQueue.mjs"


class ApiError(Exception):
    pass


def call(verb: str, payload: dict, token: str | None) -> dict:
    node = os.environ.get("TILEBOX_STANDIN_NODE") or shutil.which("node")
    if not node:
        raise ApiError("the stand-in API needs node on PATH (or TILEBOX_STANDIN_NODE)")
    env = {**os.environ, "TILEBOX_API_KEY": token or ""}
    done = subprocess.run([node, str(_QUEUE), verb, json.dumps(payload)], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise ApiError(done.stderr.strip().removeprefix("Error: ") or f"stand-in API call {verb} failed")
    sys.stderr.write(done.stderr)
    return json.loads(done.stdout)
