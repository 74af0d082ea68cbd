"""Run migration programs, each in a fresh namespace, and write what each printed as JSON.

    python runner.py --out RESULTS.json PROGRAM.py ...

One interpreter runs every program (one Qiskit import, not one per program), with the network
blocked. A program whose header says ``# device: NAME`` was written for IBM hardware: its account
chain is swapped for the fake of that device, the BackendV1 fake ``FakeNAME`` on the legacy
releases (IBMQ, IBMProvider) and the BackendV2 fake ``FakeNAMEV2`` of
``qiskit_ibm_runtime.fake_provider`` on the current ones (``QiskitRuntimeService``, local testing
mode), where every call to the service is bound to the real signature first. Used both by
``record.py`` (legacy releases) and by ``tests/test_migrations.py`` (current releases); it imports
nothing of the project, so it runs in the legacy environment too.
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import io
import json
import re
import runpy
import socket
import sys
import traceback
import types
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

DEVICE = re.compile(r"^# device: (\w+)$", re.MULTILINE)
# The results a program prints: ``label: value`` lines (job_monitor's "Job Status: ..." is not one).
RESULT = re.compile(r"^[a-z][a-z0-9_]*: .*$", re.MULTILINE)


def _refuse(*args: object, **kwargs: object) -> None:
    raise OSError("network access attempted by a migration program")


def block_network() -> None:
    socket.socket.connect = _refuse  # type: ignore[method-assign,assignment]
    socket.create_connection = _refuse  # type: ignore[assignment]
    socket.getaddrinfo = _refuse  # type: ignore[assignment]


def _legacy_stubs(device: Callable[[], Any]) -> dict[str, Any]:
    """IBMQ and IBMProvider as a 2019-2023 program used them, serving the V1 fake."""

    class Provider:
        def get_backend(self, name: str = "", **kwargs: Any) -> Any:
            return device()

        def backends(self, name: str | None = None, **kwargs: Any) -> list[Any]:
            return [device()]

    class IBMQ:
        @staticmethod
        def load_account() -> Provider:
            return Provider()

        @staticmethod
        def get_provider(hub: str | None = None, group: str | None = None,
                         project: str | None = None) -> Provider:
            return Provider()

        @staticmethod
        def providers() -> list[Provider]:
            return [Provider()]

        @staticmethod
        def enable_account(token: str, url: str = "", hub: str | None = None,
                           group: str | None = None, project: str | None = None) -> Provider:
            return Provider()

        @staticmethod
        def save_account(token: str, url: str = "", hub: str | None = None,
                         group: str | None = None, project: str | None = None,
                         overwrite: bool = False) -> None:
            """Nothing is written: the account file is the user's."""

    def least_busy(backends: list[Any]) -> Any:
        return backends[0]

    ibmq = types.ModuleType("qiskit.providers.ibmq")
    ibmq.IBMQ = IBMQ  # type: ignore[attr-defined]
    ibmq.least_busy = least_busy  # type: ignore[attr-defined]
    ibm_provider = types.ModuleType("qiskit_ibm_provider")
    ibm_provider.IBMProvider = Provider  # type: ignore[attr-defined]
    ibm_provider.least_busy = least_busy  # type: ignore[attr-defined]
    return {"IBMQ": IBMQ, "qiskit.providers.ibmq": ibmq, "qiskit_ibm_provider": ibm_provider}


def _current_service(device: Callable[[], Any]) -> type:
    """``QiskitRuntimeService`` whose calls bind to the real signatures, serving the V2 fake."""
    import qiskit_ibm_runtime

    real = qiskit_ibm_runtime.QiskitRuntimeService

    class Service:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            inspect.signature(real.__init__).bind(self, *args, **kwargs)

        def backend(self, *args: Any, **kwargs: Any) -> Any:
            inspect.signature(real.backend).bind(self, *args, **kwargs)
            return device()

        def least_busy(self, *args: Any, **kwargs: Any) -> Any:
            inspect.signature(real.least_busy).bind(self, *args, **kwargs)
            return device()

        def backends(self, *args: Any, **kwargs: Any) -> list[Any]:
            inspect.signature(real.backends).bind(self, *args, **kwargs)
            return [device()]

        def instances(self, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
            inspect.signature(real.instances).bind(self, *args, **kwargs)
            return []

        @staticmethod
        def save_account(*args: Any, **kwargs: Any) -> None:
            """Nothing is written: the account file is the user's."""
            inspect.signature(real.save_account).bind(*args, **kwargs)

    return Service


@contextlib.contextmanager
def device_swapped(name: str) -> Iterator[None]:
    import qiskit

    legacy = qiskit.__version__.startswith("0.")
    if legacy:
        from qiskit.providers import fake_provider

        stubs = _legacy_stubs(getattr(fake_provider, f"Fake{name.capitalize()}"))
        saved = qiskit.IBMQ
        qiskit.IBMQ = stubs.pop("IBMQ")
        sys.modules.update(stubs)
        try:
            yield
        finally:
            qiskit.IBMQ = saved
            for module in stubs:
                del sys.modules[module]
        return
    import qiskit_ibm_runtime
    from qiskit_ibm_runtime import fake_provider as runtime_fakes

    real = qiskit_ibm_runtime.QiskitRuntimeService
    qiskit_ibm_runtime.QiskitRuntimeService = _current_service(  # type: ignore[misc]
        getattr(runtime_fakes, f"Fake{name.capitalize()}V2"))
    try:
        yield
    finally:
        qiskit_ibm_runtime.QiskitRuntimeService = real  # type: ignore[misc]


def run_program(path: Path) -> dict[str, str | None]:
    """The result lines the program printed, and its traceback if it failed."""
    device = DEVICE.search(path.read_text(encoding="utf-8"))
    printed = io.StringIO()
    error = None
    swap = device_swapped(device.group(1)) if device else contextlib.nullcontext()
    with warnings.catch_warnings(), contextlib.redirect_stdout(printed), swap:
        warnings.simplefilter("ignore")
        try:
            runpy.run_path(str(path), run_name="__main__")
        except BaseException:  # a failing program is a result, not the end of the run
            error = traceback.format_exc(limit=-3)
    lines = RESULT.findall(printed.getvalue())
    return {"output": "".join(f"{line}\n" for line in lines), "error": error}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("programs", nargs="+", type=Path)
    options = parser.parse_args()
    block_network()
    results = {path.stem: run_program(path) for path in options.programs}
    options.out.write_text(json.dumps(results, indent=1, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main()
