"""Latency of ``flake8-qiskit-migrate server``, beside the command on the same buffer.

Measured from the client's side of the stdio pipe, as an editor sees it (medians of
``--repeat`` runs):

  start       spawn the server, initialize, open a file -> its first publishDiagnostics
              (target <= 1 s)
  edit        didChange of a legacy file -> the publishDiagnostics of that version (the next
              edit sent as soon as it arrives, as typing goes on), for a
              3,000-line file (target <= 100 ms) and a 100-line one (target <= 10 ms); the
              change is what typing sends under the incremental sync the server asks for (a
              line added at the end; and, for the large file, one added in the middle, which
              moves the half after it down a row); the server checks at once, with no
              debounce delay, and parses only the statements an edit touched (``Reparser``)
  pulled      didChange -> the answer to textDocument/diagnostic sent right after it, as a
              client that pulls diagnostics (VS Code) asks
  with fixes  the same edit -> the diagnostics sent again with their fixes in ``data``, which
              the server works out once the text has stayed unchanged for ``FIXES_AFTER``
              (0.15 s), so that typing never waits for them (the next edit is sent once
              they have come)
  command     ``check -`` on the same buffer, from stdin: a new process per check, as the flake8
              integrations run
  floor       ``ast.parse`` of the same buffer in this process, measured in the same run: on a
              busy machine the targets move with it (the load average is printed: quote ratios
              within one run)

A message counts as arrived when its last byte is read, before this client decodes it.

Usage: python benchmarks/server_latency.py [--repeat N]
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from queue import Empty, Queue
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# A block of a legacy program: ordinary code around the old execution calls (5 findings in
# 50 lines); the file is this block over and over. ``--dense`` instead repeats only old calls
# (a finding on most lines), the worst case for the conversion to LSP messages.
BLOCK = '''from qiskit import QuantumCircuit, execute
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2, Session
import math

service = QiskitRuntimeService(channel="ibm_quantum")


class Experiment_{n}:
    """Prepare, run and summarise one experiment."""

    def __init__(self, qubits, depth):
        self.qubits = qubits
        self.depth = depth
        self.results = []

    def circuit(self):
        circuit = QuantumCircuit(self.qubits)
        for layer in range(self.depth):
            for qubit in range(self.qubits):
                circuit.rx(math.pi / (layer + 1), qubit)
            for qubit in range(self.qubits - 1):
                circuit.cx(qubit, qubit + 1)
        circuit.measure_all()
        return circuit

    def run(self, backend):
        job = execute(self.circuit(), backend, shots=1000)
        counts = job.result().get_counts()
        self.results.append(counts)
        return counts

    def run_on_service(self):
        with Session(backend=service.backend("ibm_kyiv")) as session:
            sampler = SamplerV2(session=session)
            return sampler.run([self.circuit()]).result()

    def summary(self):
        total = sum(sum(c.values()) for c in self.results)
        best = max((max(c, key=c.get) for c in self.results), default=None)
        return {{"total": total, "best": best, "runs": len(self.results)}}


def sweep_{n}(backend, sizes):
    table = {{}}
    for size in sizes:
        experiment = Experiment_{n}(size, depth=size // 2 + 1)
        table[size] = experiment.run(backend)
    return table
'''
DENSE = '''from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2, Session
from qiskit import execute, IBMQ

service = QiskitRuntimeService(channel="ibm_quantum")
with Session(backend=service.backend("ibm_kyiv")) as session:
    sampler = SamplerV2(session=session)
    job = execute(circuit, backend, shots=100)
    IBMQ.load_account()


def step_{n}(backend, circuit):
    counts = backend.run(circuit, shots=10).result().get_counts()
    return counts
'''


def legacy(lines: int, block: str = BLOCK) -> str:
    """As many whole blocks as fit in ``lines`` lines."""
    return "".join(block.format(n=n) for n in range(max(lines // block.count("\n"), 1)))


class Client:
    """A bare JSON-RPC client over the server's stdin and stdout."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.started = time.perf_counter()
        self.process = subprocess.Popen(  # in ROOT: ``-m`` would put the caller's folder first
            [sys.executable, "-m", "flake8_qiskit_migrate", "server"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, env=env, cwd=ROOT)
        self.messages: Queue[tuple[float, dict[str, Any]]] = Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.next_id = 0

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        length = 0
        while True:
            header = stream.readline()
            if not header:
                return
            if header.lower().startswith(b"content-length:"):
                length = int(header.split(b":")[1])
            elif header in (b"\r\n", b"\n"):  # the headers' end: the body follows
                body = stream.read(length)
                self.messages.put((time.perf_counter(), json.loads(body)))

    def send(self, method: str, params: Any, request: bool = False) -> float:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        return self.write(message)

    def write(self, message: dict[str, Any]) -> float:
        body = json.dumps(message).encode()
        assert self.process.stdin is not None
        sent = time.perf_counter()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()
        return sent

    def wait(self, method: str | None = None, version: int | None = None,
             answer: int | None = None, fixed: bool = False) -> float:
        """When the awaited message arrived (``fixed``: diagnostics carrying fixes); others
        are answered (requests) or skipped."""
        while True:
            try:
                at, message = self.messages.get(timeout=60)
            except Empty:
                sys.exit(f"no {method or 'answer'} from the server in 60 s")
            if "id" in message and "method" in message:  # a request of the server's
                self.write({"jsonrpc": "2.0", "id": message["id"], "result": None})
                continue
            if answer is not None and message.get("id") == answer:
                return at
            if method is not None and message.get("method") == method and (
                    version is None or message["params"].get("version") == version) and (
                    not fixed or any("fix" in d.get("data", {})
                                     for d in message["params"]["diagnostics"])):
                return at

    def initialize(self, folder: Path, pull: bool = False) -> None:
        capabilities = {"textDocument": {"diagnostic": {}}} if pull else {}
        self.send("initialize", {"processId": os.getpid(), "rootUri": folder.as_uri(),
                                 "capabilities": capabilities}, request=True)
        self.wait(answer=self.next_id)
        self.send("initialized", {})

    def close(self) -> None:
        self.send("shutdown", None, request=True)
        self.wait(answer=self.next_id)
        self.send("exit", None)
        self.process.wait(timeout=30)


def start_time(folder: Path, text: str) -> float:
    client = Client()
    client.initialize(folder)
    uri = (folder / "start.py").as_uri()
    client.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "python", "version": 1, "text": text}})
    arrived = client.wait("textDocument/publishDiagnostics", 1)
    client.close()
    return arrived - client.started


def edit_times(folder: Path, text: str, repeat: int, middle: bool = False,
               fixes: bool = False) -> list[float]:
    """Each edit adds a line: at the end, or (``middle``) before the top-level statement
    nearest the middle, so everything after it moves down a row. The times to its
    diagnostics, each edit sent as soon as the last one's arrive (typing on); or (``fixes``)
    to the diagnostics sent again with their fixes, the next edit waiting for them."""
    client = Client()
    client.initialize(folder)
    uri = (folder / f"edit{len(text)}.py").as_uri()
    client.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "python", "version": 1, "text": text}})
    client.wait("textDocument/publishDiagnostics", 1)
    times = []
    lines = text.split("\n")
    at = {"line": min((row for row, line in enumerate(lines) if line.startswith("def ")),
                      key=lambda row: abs(row - len(lines) // 2)) if middle else len(lines) - 1,
          "character": 0}
    for version in range(2, repeat + 2):  # a real edit each time: no result can be reused
        sent = client.send("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [
                {"range": {"start": at, "end": at}, "text": f"x_{version} = {version}\n"}]})
        at = {"line": at["line"] + 1, "character": 0}
        times.append(client.wait("textDocument/publishDiagnostics", version, fixed=fixes) - sent)
    client.close()
    return times


def pull_times(folder: Path, text: str, repeat: int) -> list[float]:
    """As a client that pulls (VS Code): didChange (a line added at the end), then
    textDocument/diagnostic -> its answer."""
    client = Client()
    client.initialize(folder, pull=True)
    uri = (folder / f"pull{len(text)}.py").as_uri()
    client.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "python", "version": 1, "text": text}})
    times = []
    end = {"line": text.count("\n"), "character": 0}
    for version in range(2, repeat + 2):
        sent = client.send("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [
                {"range": {"start": end, "end": end}, "text": f"x_{version} = {version}\n"}]})
        end = {"line": end["line"] + 1, "character": 0}
        client.send("textDocument/diagnostic", {"textDocument": {"uri": uri}}, request=True)
        times.append(client.wait(answer=client.next_id) - sent)
    client.close()
    return times


def command_times(folder: Path, text: str, repeat: int) -> list[float]:
    times = []
    for version in range(repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "flake8_qiskit_migrate", "check", "--no-cache",
                        "--stdin-filename", "edit.py", "-"],
                       input=(text + f"x_{version} = 1\n").encode(), capture_output=True,
                       cwd=folder, env={**os.environ, "PYTHONPATH": str(ROOT)})
        times.append(time.perf_counter() - started)
    return times


def _parse_times(text: str, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        ast.parse(text)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--dense", action="store_true", help="a finding on most lines")
    args = parser.parse_args()
    block = DENSE if args.dense else BLOCK
    ms = 1000
    print("load average %.2f %.2f %.2f (%d cores)" % (*os.getloadavg(), os.cpu_count() or 0))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        small, large = legacy(100, block), legacy(3000, block)
        starts = [start_time(folder, small) for _ in range(args.repeat)]
        print(f"start -> first diagnostics: {statistics.median(starts) * ms:7.1f} ms "
              f"(target <= 1000)")
        for label, text, target, middle in (("100-line", small, 10, False),
                                            ("3,000-line", large, 100, False),
                                            ("3,000-line", large, 100, True)):
            server = statistics.median(edit_times(folder, text, args.repeat, middle))
            fixed = statistics.median(edit_times(folder, text, args.repeat, middle, fixes=True))
            command = statistics.median(command_times(folder, text, args.repeat))
            floor = statistics.median(_parse_times(text, args.repeat))
            where = "in the middle" if middle else "at the end"
            print(f"edit -> diagnostics, {label:10} file ({text.count(chr(10))} lines, a line "
                  f"added {where}): server "
                  f"{server * ms:6.1f} ms (target <= {target}), `check -` {command * ms:6.1f} ms, "
                  f"ast.parse {floor * ms:6.1f} ms; server/ast.parse {server / floor:4.1f}; "
                  f"with fixes {fixed * ms:6.1f} ms")
        pulled = statistics.median(pull_times(folder, large, args.repeat))
        print(f"edit -> pulled diagnostics, 3,000-line file (a line added at the end): "
              f"{pulled * ms:6.1f} ms")
    print("load average %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()
