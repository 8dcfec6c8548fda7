# Tests of the Python stand-in of tilebox.workflows: the SDK's class rules, Client credentials, and direct runners
# that claim, run and report tasks in the stand-in CLI's state (run by test/standin/python.test.ts).
import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest
from dataclasses import fields, is_dataclass
from pathlib import Path

from tilebox.workflows import Client, ExecutionContext, Runner, Task

STANDIN = Path(__file__).resolve().parents[2]
CLI = STANDIN / "bin" / "tilebox"
DEV = "dev-cluster-9xK2mQ4pL8nR7s"


class Double(Task):
    n: int

    @staticmethod
    def identifier() -> tuple[str, str]:
        return "test/Double", "v1.3"

    def execute(self, context: ExecutionContext) -> None:
        context.submit_subtask(Leaf(self.n * 2, "x"))


class Leaf(Task):
    value: int
    label: str = "leaf"

    def execute(self, context: ExecutionContext) -> None:
        if self.value < 0:
            raise ValueError(f"negative {self.value}")


class TaskRules(unittest.TestCase):
    def test_every_subclass_is_a_dataclass_with_an_identifier(self):
        self.assertTrue(is_dataclass(Leaf))
        self.assertEqual([f.name for f in fields(Leaf)], ["value", "label"])
        self.assertEqual(Leaf(3).label, "leaf")
        self.assertEqual(Leaf.__tilebox_task_meta__.identifier.name, "Leaf")
        self.assertEqual(Leaf.__tilebox_task_meta__.identifier.version, "v0.0")
        self.assertEqual(Double.__tilebox_task_meta__.identifier.version, "v1.3")

    def test_identifier_and_execute_are_checked_at_class_creation(self):
        with self.assertRaisesRegex(ValueError, "Invalid version string: 1.0"):
            type("Bad", (Task,), {"identifier": staticmethod(lambda: ("x", "1.0")), "execute": lambda self, c: None})
        with self.assertRaisesRegex(TypeError, "Is it a staticmethod or classmethod without parameters"):
            type("Bad", (Task,), {"identifier": lambda self: ("x", "v1.0")})
        with self.assertRaisesRegex(TypeError, "Expected a function signature of Bad.execute"):
            type("Bad", (Task,), {"execute": lambda self: None})

    def test_runner_registration_errors(self):
        inherits = type("Inherits", (Leaf,), {})
        with self.assertRaisesRegex(ValueError, "Task Inherits is not executable"):
            Runner(tasks=[inherits])
        with self.assertRaisesRegex(ValueError, "Duplicate task identifier: A task 'Leaf' with version 'v0.0'"):
            Runner(tasks=[Leaf, Leaf])
        with self.assertRaisesRegex(TypeError, "is not a task"):
            Runner(tasks=[int])
        with self.assertRaises(TypeError):
            Runner([Leaf])  # keyword-only, as in the SDK
        r = Runner(tasks=[Double])
        r.register(Leaf)
        self.assertEqual([i.name for i in r.task_identifiers], ["test/Double", "Leaf"])

    def test_input_serialization(self):
        self.assertEqual(Leaf(4, "y")._serialize(), b'{"value": 4, "label": "y"}')
        self.assertEqual(Double(2)._serialize(), b"2")
        self.assertEqual(Double._deserialize("7"), Double(7))


class ClientCredentials(unittest.TestCase):
    def setUp(self):
        self.saved = {k: os.environ.pop(k, None) for k in ("TILEBOX_API_KEY", "TILEBOX_API_URL")}

    def tearDown(self):
        for k, v in self.saved.items():
            os.environ.pop(k, None)
            if v is not None:
                os.environ[k] = v

    def test_key_and_url_from_the_environment(self):
        with self.assertRaisesRegex(ValueError, "no TILEBOX_API_KEY environment variable set"):
            Client()
        os.environ.update(TILEBOX_API_KEY="k", TILEBOX_API_URL="http://localhost:9")
        c = Client()
        self.assertEqual((c.token, c.url), ("k", "http://localhost:9"))
        self.assertEqual(Client(url="http://other").url, "http://other")


class DirectRunner(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.env = {**os.environ, "TILEBOX_STANDIN_STATE": self.tmp.name, "TILEBOX_API_KEY": "k"}
        self.env.pop("TILEBOX_API_URL", None)

    def tearDown(self):
        self.tmp.cleanup()

    def cli(self, *args):
        done = subprocess.run([str(CLI), *args, "--json"], env=self.env, capture_output=True, text=True, check=True)
        return json.loads(done.stdout)

    def script(self, body: str, *args, wait=True):
        code = textwrap.dedent(f"""
            import sys
            sys.path.insert(0, {str(Path(__file__).parent)!r})
            from test_workflows import Double, Leaf
            from tilebox.workflows import Client, Runner
            runner = Runner(tasks=[Double, Leaf])
            if __name__ == "__main__":
            """) + textwrap.indent(textwrap.dedent(body), "    ")
        path = Path(self.tmp.name) / "direct.py"
        path.write_text(code)
        proc = subprocess.Popen([sys.executable, str(path), *args], env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        if not wait:
            return proc
        out, err = proc.communicate(timeout=60)
        return proc.returncode, out, err

    def test_run_all_runs_a_job_and_its_subtasks_to_completed(self):
        job = self.cli("job", "submit", "--name", "d", "--task", "test/Double", "--version", "v1.1", "--input", "21",
                       "--cluster", DEV)["id"]
        code, _, err = self.script('runner.connect_to(Client(), cluster="%s").run_all()' % DEV)
        self.assertEqual(code, 0, err)
        got = self.cli("job", "get", job)
        self.assertEqual(got["state"], "completed")
        self.assertEqual([(t["display"], t["state"]) for t in got["task_summaries"]],
                         [("Double", "computed"), ("Leaf", "computed")])

    def test_a_raising_task_fails_the_job_with_its_traceback(self):
        job = self.cli("job", "submit", "--name", "f", "--task", "Leaf", "--input", '{"value": -1}', "--cluster", DEV)
        code, _, err = self.script('runner.connect_to(Client(), cluster="%s").run_all()' % DEV)
        self.assertEqual(code, 0, err)
        self.assertIn("ValueError: negative -1", err, "the traceback is printed where the runner runs")
        self.assertRegex(err, r'File ".*test_workflows.py", line \d+, in execute')
        got = self.cli("job", "get", job["id"])
        self.assertEqual(got["state"], "failed")
        self.assertEqual(got["task_summaries"][0]["display"], "Leaf\nValueError('negative -1')")
        logs = self.cli("job", "logs", job["id"])["logs"]
        self.assertTrue(any("Traceback" in line["body"] for line in logs))

    def test_an_unknown_cluster_fails_in_connect_to(self):
        code, _, err = self.script('runner.connect_to(Client(), cluster="nope")')
        self.assertNotEqual(code, 0)
        self.assertIn("cluster nope not found", err)

    def test_a_runner_without_an_api_key_is_refused_before_it_polls(self):
        self.env.pop("TILEBOX_API_KEY")
        self.env["TILEBOX_API_URL"] = "http://localhost:9"  # another API: Client() allows a missing key
        code, _, err = self.script('runner.connect_to(Client(), cluster="%s").run_all()' % DEV)
        self.assertNotEqual(code, 0)
        self.assertIn("unauthenticated: no API key", err)

    def test_sigterm_mid_task_gives_the_task_back_and_leaves_no_process(self):
        job = self.cli("job", "submit", "--name", "s", "--task", "Leaf", "--input", '{"value": 1}', "--cluster", DEV)
        proc = self.script("""
            import time, multiprocessing
            Leaf.execute = lambda self, context: (print("started", flush=True), time.sleep(30))
            task_runner = runner.connect_to(Client(), cluster="%s")
            print("renewer", task_runner._renewer.pid, flush=True)
            task_runner.run_forever()
            """ % DEV, wait=False)
        renewer = int(proc.stdout.readline().split()[1])
        self.assertEqual(proc.stdout.readline().strip(), "started")
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
        self.assertEqual(proc.returncode, -signal.SIGTERM)
        task = self.cli("job", "get", job["id"])["task_summaries"][0]
        self.assertEqual(task["state"], "queued", "an interrupted task is queued again")
        for _ in range(50):
            if not Path(f"/proc/{renewer}").exists():
                break
            time.sleep(0.1)
        self.assertFalse(Path(f"/proc/{renewer}").exists(), "the lease renewer ends with its runner")
        proc.stdout.close()
        proc.stderr.close()


if __name__ == "__main__":
    unittest.main()
