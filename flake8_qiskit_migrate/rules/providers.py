"""Category 2: the retired provider packages (qiskit-ibmq-provider, qiskit-ibm-provider) and the
provider-era names that went with them."""

from __future__ import annotations

import ast
from typing import Iterable

from ..edits import Fix, add_import, import_needed, result_unused
from ..registry import GUIDES, REGISTRY, Autofix, Context, Releases, Rule, RuleDoc

IBMQ_GUIDE = GUIDES + "qiskit-runtime-from-ibmq-provider"
IBM_PROVIDER_GUIDE = GUIDES + "qiskit-runtime-from-ibm-provider"
SERVICE = "qiskit_ibm_runtime.QiskitRuntimeService"
RUNTIME = ("qiskit_ibm_runtime",)
SAVE = 'QiskitRuntimeService.save_account(channel="ibm_quantum_platform", token=...)'

UNUSED_IMPORT = ("Safe: the name is never used, so dropping it from its import changes nothing "
                 "the program does, as ruff's F401 fix drops an unused import (before: `from "
                 "qiskit import QuantumCircuit, IBMQ`; after: `from qiskit import "
                 "QuantumCircuit`; a statement that imported only the name goes). Offered only "
                 "for a `from` import whose name the module never mentions again (no read, "
                 "assignment, `del`, definition, parameter or `__all__` entry; notebooks: in "
                 "any cell), outside a `try` and outside a package's `__init__.py`, where an "
                 "import may re-export the name. A used name is migrated with its uses: where "
                 "they form a provider chain, the import's finding carries the chain's fix, "
                 "unsafe (QKM205).")

REGISTRY.add(Rule(
    code="QKM201",
    name="ibm-provider-package",
    message="'{name}' is from the retired qiskit-ibm-provider package",
    fix_title="use '{replacement}'",
    replacement=SERVICE,
    url=IBM_PROVIDER_GUIDE,
    new_names=RUNTIME,
    deprecated_in="qiskit-ibm-provider 0.11 (package retired)",
    removed_in="does not import with Qiskit 2.x",
    doc=RuleDoc(
        summary='the `qiskit_ibm_provider` package',
        what="Finds imports of `qiskit_ibm_provider` and its submodules.",
        why="The qiskit-ibm-provider package is retired: its last release (0.11) no longer imports "
        "with Qiskit 2.x, and IBM Quantum hardware is reached through qiskit-ibm-runtime.",
    ),
))
REGISTRY.match_names(
    "QKM201",
    "qiskit_ibm_provider.*",
    ("qiskit_ibm_provider.IBMProvider", SERVICE),
    ("qiskit_ibm_provider.IBMBackend", "qiskit_ibm_runtime.IBMBackend"),
    ("qiskit_ibm_provider.Session", "qiskit_ibm_runtime.Session"),
    ("qiskit_ibm_provider.least_busy", "QiskitRuntimeService.least_busy()"),
)

REGISTRY.add(Rule(
    code="QKM202",
    name="ibmq-provider-package",
    message="'{name}' is from the retired qiskit-ibmq-provider package",
    fix_title="use '{replacement}'",
    replacement=SERVICE,
    url=IBMQ_GUIDE + "#changes-in-class-name-and-location",
    fix=Autofix("safe", "Remove the unused import", UNUSED_IMPORT, in_init=False),
    releases=Releases("qiskit", deprecated="0.46.0", removed="1.0.0"),
    new_names=RUNTIME,
    deprecated_in="qiskit-ibmq-provider (package retired)",
    removed_in="Qiskit 1.0 (not importable with qiskit>=1.0)",
    doc=RuleDoc(
        summary='the `qiskit.providers.ibmq` package',
        what="Finds imports of `qiskit.providers.ibmq` and its submodules (`IBMQ`, `least_busy`, "
        "`job_monitor`, the `runtime` classes ...).",
        why="qiskit-ibmq-provider is retired and cannot be imported with Qiskit 1.0 or later. Its "
        "classes moved to qiskit-ibm-runtime; the custom-program classes have no replacement.",
    ),
))
_SERVERLESS = "Qiskit Serverless (custom runtime programs are not supported)"
REGISTRY.match_names(
    "QKM202",
    "qiskit.providers.ibmq.*",
    ("qiskit.providers.ibmq.least_busy", "QiskitRuntimeService.least_busy()"),
    ("qiskit.providers.ibmq.job_monitor", "job.status()"),
    ("qiskit.providers.ibmq.runtime.IBMRuntimeService", SERVICE),
    ("qiskit.providers.ibmq.runtime.RuntimeEncoder", "qiskit_ibm_runtime.RuntimeEncoder"),
    ("qiskit.providers.ibmq.runtime.RuntimeDecoder", "qiskit_ibm_runtime.RuntimeDecoder"),
    *[(f"qiskit.providers.ibmq.runtime.{name}", _SERVERLESS) for name in (
        "RuntimeProgram", "UserMessenger", "ProgramBackend", "ResultDecoder", "ParameterNamespace")],
)

REGISTRY.add(Rule(
    code="QKM203",
    name="ibmq-entry-point",
    message="'{name}' was removed in Qiskit 1.0",
    fix_title="use '{replacement}'",
    replacement=SERVICE,
    url=IBMQ_GUIDE + "#import-path",
    fix=Autofix("safe", "Remove the unused `IBMQ` import", UNUSED_IMPORT, in_init=False),
    releases=Releases("qiskit", deprecated="0.46.0", removed="1.0.0"),
    new_names=RUNTIME,
    deprecated_in="Qiskit 0.46 (entry point warns)",
    removed_in="Qiskit 1.0",
    doc=RuleDoc(
        summary='`qiskit.IBMQ`',
        what="Finds `qiskit.IBMQ`, imported or reached through `qiskit.`.",
        why="`qiskit.IBMQ` was a lazy entry point into qiskit-ibmq-provider; it was removed in "
        "Qiskit 1.0 together with the provider.",
    ),
))
REGISTRY.match_names("QKM203", "qiskit.IBMQ")

_IBMQ_ACCOUNT = {
    "save_account": SAVE,
    "load_account": "QiskitRuntimeService()",
    "enable_account": "QiskitRuntimeService(channel=..., token=...)",
    "disable_account": "QiskitRuntimeService() (no global account state)",
    "delete_account": "QiskitRuntimeService.delete_account()",
    "update_account": "QiskitRuntimeService.save_account(..., overwrite=True)",
    "active_account": "service.active_account()",
    "stored_account": "QiskitRuntimeService.saved_accounts()",
}
_IBMQ_ROOTS = ("qiskit.IBMQ", "qiskit.providers.ibmq.IBMQ")
PROVIDER_CHAIN = ('Unsafe: a different account is used (the saved Qiskit Runtime account, not the IBMQ one), and the Classic hub/group/project instance is dropped — `instance="h/g/p"` was removed with the ibm_quantum channel in qiskit-ibm-runtime 0.41 (QKM502) — so the account\'s default instance serves the backends; the dropped arguments are kept in a comment for review. The whole chain is one fix: before `IBMQ.load_account()` / `provider = IBMQ.get_provider(hub="h", group="g", project="p")` / `backend = provider.get_backend("ibm_x")` / `device = least_busy(provider.backends(simulator=False))`; after `service = QiskitRuntimeService()  # was IBMQ.get_provider(...): pass instance=...` / `backend = service.backend("ibm_x")` / `device = service.least_busy(simulator=False)`, every import of IBMQ (and `least_busy`) replaced by the `QiskitRuntimeService` import; the arguments of `least_busy` are kept as written (a `filters=` function gets `IBMBackend` objects, which keep `configuration()` and `status()`); an `IBMQ.providers()` statement after the account is loaded becomes `service.instances()`, a `IBMQ.get_provider(...)` statement whose provider nothing reads goes, and a provider used at once (`IBMQ.get_provider(hub="h").get_backend("ibm_x")`) is the service likewise; `provider = IBMProvider()` chains, and the provider `provider = IBMQ.load_account()` returns, likewise. The account calls of the chain move with it: each `IBMQ.load_account()` (a notebook loads it again in later cells) becomes `service = QiskitRuntimeService()`, `IBMQ.enable_account(token)` becomes `service = QiskitRuntimeService(channel="ibm_quantum_platform", token=token)` (ibm_quantum is retired: QKM501), and `IBMQ.save_account(token)` becomes `QiskitRuntimeService.save_account(channel="ibm_quantum_platform", token=token, overwrite=True)`: IBMQ warned and kept an account already saved, the service raises `AccountAlreadyExistsError` unless told to overwrite, so a re-run notebook now replaces the saved account (an `overwrite=` written is kept); a Classic IBMQ token may not be accepted as an IBM Cloud API key. Offered only where the module (a notebook: all its cells) has one provider, made after an account is loaded (made again in a later cell only with the same arguments: that statement goes too) in the block of the account calls, every use of it is `.get_backend(name)`, `.backends.<name>` (the attribute qiskit-ibmq-provider set for each backend: `service.backend("<name>")`), `.backends(k=v)` or `least_busy(provider.backends(k=v))`, a name given the result of `load_account()` is that provider or read nowhere, `enable_account` is the only account loaded (IBMQ refused a second one), the account calls pass only the token (and `overwrite=`; not a Classic `url=` or hub/group/project), `IBMQ` is used only for these calls, to list the providers and to get that provider, nothing else binds these names or `service`, and no `try` surrounds a step; otherwise no step is fixed (`IBMQ.stored_account()`, whose result has another shape than `saved_accounts()`, keeps the chain by hand).')

REGISTRY.add(Rule(
    code="QKM204",
    name="ibmq-account",
    message="'{name}' manages an account of the retired IBMQ provider",
    fix_title="use '{replacement}'",
    replacement="QiskitRuntimeService()",
    url=IBMQ_GUIDE + "#save-accounts",
    fix=Autofix("unsafe", 'Replace `IBMQ.load_account()` with `QiskitRuntimeService()`', 'Unsafe: a different account is loaded (the saved Qiskit Runtime account, not the IBMQ one); the import is added. Offered only for an argument-less `load_account()` whose result nothing reads (the result is a service, not a provider) in a module that makes no other IBMQ call: `IBMQ.get_provider(...)` after it would still need the IBMQ account. Where the other calls form a provider chain (`IBMQ.save_account(token)`, `enable_account(token)`, `get_provider(...)`, `providers()`), the finding of each account call carries the fix of the whole chain instead (QKM205: `save_account(token)` becomes `QiskitRuntimeService.save_account(channel="ibm_quantum_platform", token=token, overwrite=True)`).', chain=_IBMQ_ROOTS),
    releases=Releases("qiskit", deprecated="0.46.0", removed="1.0.0"),
    new_names=RUNTIME,
    removed_in="Qiskit 1.0",
    doc=RuleDoc(
        summary='`IBMQ.load_account()` and the other IBMQ account calls',
        what="Finds the account calls of the IBMQ provider: `IBMQ.save_account`, `load_account`, "
        "`enable_account`, `delete_account`, `active_account` and the like.",
        why="Accounts are now saved and loaded by `QiskitRuntimeService`; the IBMQ provider and its "
        "account file are gone.",
    ),
))
REGISTRY.match_calls(
    "QKM204",
    *[(f"{root}.{method}", fix) for root in _IBMQ_ROOTS for method, fix in _IBMQ_ACCOUNT.items()],
)

REGISTRY.add(Rule(
    code="QKM205",
    name="ibmq-provider-selection",
    message="'{name}' uses a provider of the retired IBMQ provider",
    fix_title="use '{replacement}'",
    replacement='QiskitRuntimeService(instance="<CRN or instance name>")',
    url=IBMQ_GUIDE + "#instance-selection-get-a-provider",
    fix=Autofix("unsafe", "Rewrite the provider chain as a `QiskitRuntimeService` chain",
                PROVIDER_CHAIN, chain=_IBMQ_ROOTS),
    releases=Releases("qiskit", deprecated="0.46.0", removed="1.0.0"),
    new_names=RUNTIME,
    removed_in="Qiskit 1.0",
    doc=RuleDoc(
        summary='`IBMQ.get_provider(...)` and its backends',
        what="Finds `IBMQ.get_provider(...)`, `IBMQ.providers()` and `get_backend`/`backends` on the "
        "provider they return.",
        why="Hub/group/project providers are gone. An instance is chosen when the "
        "`QiskitRuntimeService` is created, and backends come from `service.backend(name)`.",
    ),
))
REGISTRY.match_calls(
    "QKM205",
    *[f"{root}.{method}" for root in _IBMQ_ROOTS for method in ("get_provider", "providers")],
    *[(f"{root}.get_provider().{method}", fix) for root in _IBMQ_ROOTS for method, fix in (
        ("get_backend", "service.backend(name)"), ("backends", "service.backends()"))],
)

REGISTRY.add(Rule(
    code="QKM206",
    name="ibm-provider-account",
    message="'{name}' manages an account of the retired qiskit-ibm-provider",
    fix_title="use '{replacement}'",
    replacement=SAVE,
    url=IBM_PROVIDER_GUIDE + "#save-accounts",
    new_names=RUNTIME,
    removed_in="qiskit-ibm-provider retired: its last release (0.11) does not import with Qiskit 2.x",
    doc=RuleDoc(
        summary='`IBMProvider.save_account(...)` and the other account calls',
        what="Finds `IBMProvider.save_account(...)`, `saved_accounts()`, `delete_account()` and "
        "`active_account()`.",
        why="Accounts are saved by `QiskitRuntimeService.save_account`; qiskit-ibm-provider is retired.",
    ),
))
REGISTRY.match_calls(
    "QKM206",
    "qiskit_ibm_provider.IBMProvider.save_account",
    ("qiskit_ibm_provider.IBMProvider.saved_accounts", "QiskitRuntimeService.saved_accounts()"),
    ("qiskit_ibm_provider.IBMProvider.delete_account", "QiskitRuntimeService.delete_account()"),
    ("qiskit_ibm_provider.IBMProvider().active_account", "service.active_account()"),
)

REGISTRY.add(Rule(
    code="QKM207",
    name="ibm-provider-instance",
    message="'{name}' uses the retired IBMProvider",
    fix_title="use '{replacement}'",
    replacement="QiskitRuntimeService(instance=...)",
    url=IBM_PROVIDER_GUIDE + "#instance-selection-get-a-provider",
    fix=Autofix("unsafe", 'Replace `IBMProvider()` with `QiskitRuntimeService()`', 'Unsafe: the object returned is a service with a different API (`service.backend(name)`, no `get_backend`); the import is added. Offered only for an argument-less call (hub/group/project instances have no mechanical mapping) whose result nothing reads, in a module that makes no other use of `IBMProvider`: a provider used later would break as a service.', chain=("qiskit_ibm_provider.IBMProvider",)),
    new_names=RUNTIME,
    removed_in="qiskit-ibm-provider retired: its last release (0.11) does not import with Qiskit 2.x",
    doc=RuleDoc(
        summary='`IBMProvider(...)` and its backends',
        what="Finds `IBMProvider(...)` and `get_backend`/`backends` on the provider it returns.",
        why="`IBMProvider` is retired; `QiskitRuntimeService` selects the instance and serves the "
        "backends.",
    ),
))
REGISTRY.match_calls(
    "QKM207",
    "qiskit_ibm_provider.IBMProvider",
    ("qiskit_ibm_provider.IBMProvider().get_backend", "service.backend(name)"),
    ("qiskit_ibm_provider.IBMProvider().backends", "service.backends()"),
)

REGISTRY.add(Rule(
    code="QKM208",
    name="runtime-get-backend",
    message="'{name}' was removed in qiskit-ibm-runtime 0.30",
    fix_title="use '{replacement}'",
    replacement="service.backend(name)",
    url=IBM_PROVIDER_GUIDE + "#get-a-backend",
    fix=Autofix("safe", "Replace `get_backend(name)` with `backend(name)`", "Safe: `get_backend` was a deprecated alias of `backend` with the same `name` and `instance` arguments (before: `service.get_backend(\"ibm_x\")`; after: `service.backend(\"ibm_x\")`). Offered only where the call names the backend (`backend` requires a name; `get_backend()` without one has no counterpart) and passes nothing but `name` and `instance`."),
    releases=Releases("qiskit-ibm-runtime", deprecated="0.24.0", removed="0.30.0"),
    new_names=("qiskit_ibm_runtime.QiskitRuntimeService.backend",),
    deprecated_in="qiskit-ibm-runtime 0.24.0",
    removed_in="qiskit-ibm-runtime 0.30.0",
    doc=RuleDoc(
        summary='`QiskitRuntimeService().get_backend(...)`',
        what="Finds `QiskitRuntimeService(...).get_backend(name)`.",
        why="`get_backend` was a provider-era alias; it was deprecated in qiskit-ibm-runtime 0.24 and "
        "removed in 0.30.",
    ),
))
REGISTRY.match_calls("QKM208", "qiskit_ibm_runtime.QiskitRuntimeService().get_backend")

REGISTRY.add(Rule(
    code="QKM209",
    name="provider-least-busy",
    message="'{name}' comes from a retired provider package",
    fix_title="use '{replacement}'",
    replacement="service.least_busy(operational=True, simulator=False)",
    url=IBMQ_GUIDE + "#changes-in-class-name-and-location",
    fix=Autofix("unsafe", "Rewrite the provider chain as a `QiskitRuntimeService` chain",
                PROVIDER_CHAIN),
    new_names=RUNTIME,
    removed_in="with the provider packages (Qiskit 1.0; qiskit-ibm-provider retired)",
    doc=RuleDoc(
        summary='`least_busy(...)` of the provider packages',
        what="Finds calls of `least_busy(...)` from `qiskit.providers.ibmq` or `qiskit_ibm_provider`.",
        why="The helper went with the provider packages; `QiskitRuntimeService.least_busy` filters "
        "and picks the backend on the service.",
    ),
))
REGISTRY.match_calls("QKM209", "qiskit.providers.ibmq.least_busy", "qiskit_ibm_provider.least_busy")

REGISTRY.add(Rule(
    code="QKM210",
    name="legacy-aer-namespace",
    message="'{name}' was removed in Qiskit 1.0",
    fix_title="use '{replacement}'",
    replacement="qiskit_aer",
    url=GUIDES + "qiskit-1.0-features#other-migration-tips",
    fix=Autofix("safe", "Import the name from `qiskit_aer`", "Safe: `qiskit.providers.aer` was "
                "an alias of the `qiskit_aer` package, so the names are the same objects, and "
                "the code keeps the names it binds (`from qiskit.providers.aer.noise import "
                "NoiseModel` becomes `from qiskit_aer.noise import NoiseModel`; `import "
                "qiskit.providers.aer as aer` becomes `import qiskit_aer as aer`). Offered only "
                "where the name is in qiskit-aer 0.18's module (a name removed since, such as "
                "`PulseSimulator`, keeps its finding), and not for a bare `import "
                "qiskit.providers.aer`, which binds `qiskit` for other code."),
    releases=Releases("qiskit", deprecated="1.0.0", removed="1.0.0"),
    new_names=("qiskit_aer",),
    removed_in="Qiskit 1.0",
    reported_at="import",
    doc=RuleDoc(
        summary='`qiskit.providers.aer` (moved to `qiskit_aer`)',
        what="Finds imports of `qiskit.providers.aer`.",
        why="The `qiskit.providers.aer` namespace was an alias of the `qiskit_aer` package and is gone "
        "since Qiskit 1.0.",
    ),
))
REGISTRY.match_moved("QKM210", "qiskit.providers.aer.*",
                     lambda path: "qiskit_aer" + path[len("qiskit.providers.aer"):])

REGISTRY.add(Rule(
    code="QKM211",
    name="legacy-fake-backend",
    message="'{name}' is a legacy fake backend of Qiskit",
    fix_title="use '{replacement}'",
    replacement="qiskit_ibm_runtime.fake_provider (e.g. FakeManilaV2) or GenericBackendV2",
    url=GUIDES + "qiskit-1.0-features#fake-backends-runtime",
    fix=Autofix("unsafe", "Import the V2 fake of `qiskit_ibm_runtime.fake_provider`",
                "Unsafe: `from qiskit.providers.fake_provider import FakeManila` becomes `from "
                "qiskit_ibm_runtime.fake_provider import FakeManilaV2 as FakeManila` (the code "
                "keeps its name), a BackendV2 built from a newer snapshot of the device: its "
                "calibration data (error rates, durations) differ, so noisy results and "
                "transpiled layouts may change. Offered only for a device fake that has a V2 "
                "class there, in a module that calls nothing only the V1 class has "
                "(`backend.name()`, `defaults()`, `get_backend`); the generic V1 fakes of "
                "Qiskit 1.x (`Fake5QV1` ...) keep their finding: `GenericBackendV2` takes other "
                "arguments."),
    releases=Releases("qiskit", deprecated="0.46.0", removed="1.0.0"),
    new_names=("qiskit_ibm_runtime.fake_provider", "qiskit.providers.fake_provider.GenericBackendV2"),
    removed_in="Qiskit 1.0 (device fakes); Qiskit 2.0 (the remaining V1 fakes)",
    reported_at="import",
    doc=RuleDoc(
        summary='fake backends of `qiskit.providers.fake_provider` / `qiskit.test.mock`',
        what="Finds the fake device backends imported from `qiskit.providers.fake_provider` "
        "(`FakeManila`, `FakeSherbrooke`, `FakeProvider` ...), the older `qiskit.test.mock`, "
        "and the BackendV1 fakes that Qiskit 1.x kept there (`Fake5QV1`, `Fake20QV1`, "
        "`Fake27QPulseV1`, `Fake127QPulseV1`, `FakeOpenPulse2Q` ...).",
        why="Fake devices moved to `qiskit_ibm_runtime.fake_provider`; Qiskit keeps only "
        "`GenericBackendV2` for tests. `qiskit.test.mock`, their home before qiskit-terra 0.21, "
        "went with `qiskit.test` in Qiskit 1.0. The generic BackendV1 fakes of Qiskit 1.x still "
        "import in 1.4 (deprecated since 1.2, with BackendV1) and were removed in Qiskit 2.0: "
        "with a target below 2.0 they are reported as deprecated, not removed.",
    ),
))
# The fake backends of qiskit_ibm_runtime.fake_provider (0.51; a test keeps the list equal to
# the installed package's): an old device fake's successor is its V2 version there.
RUNTIME_FAKES = frozenset("""
FakeAachen FakeAlgiers FakeAlmadenV2 FakeArmonkV2 FakeAthensV2 FakeAuckland FakeBelemV2
FakeBerlin FakeBoeblingenV2 FakeBogotaV2 FakeBoston FakeBrisbane FakeBrooklynV2 FakeBrussels
FakeBurlingtonV2 FakeCairoV2 FakeCambridgeV2 FakeCasablancaV2 FakeCusco FakeEssexV2 FakeFez
FakeFractionalBackend FakeGeneva FakeGuadalupeV2 FakeHanoiV2 FakeJakartaV2 FakeJohannesburgV2
FakeKawasaki FakeKingston FakeKolkataV2 FakeKyiv FakeKyoto FakeLagosV2 FakeLimaV2 FakeLondonV2
FakeManhattanV2 FakeManilaV2 FakeMarrakesh FakeMelbourneV2 FakeMiami FakeMontrealV2 FakeMumbaiV2
FakeNairobiV2 FakeNighthawk FakeOsaka FakeOslo FakeOurenseV2 FakeParisV2 FakePeekskill FakePerth
FakePittsburgh FakePoughkeepsieV2 FakePrague FakeProviderForBackendV2 FakeQuebec FakeQuitoV2
FakeRochesterV2 FakeRomeV2 FakeSantiagoV2 FakeSherbrooke FakeSingaporeV2 FakeStrasbourg
FakeSydneyV2 FakeTorino FakeTorontoV2 FakeValenciaV2 FakeVigoV2 FakeWashingtonV2 FakeYorktownV2
""".split())
_FAKE_RENAMES = {"FakeProvider": "FakeProviderForBackendV2"}


def fake_successor(path: str) -> str:
    """``qiskit.providers.fake_provider.FakeVigo`` -> ``qiskit_ibm_runtime.fake_provider.
    FakeVigoV2``; a fake with no successor there gets the general advice."""
    name = path.rpartition(".")[2]
    for candidate in (_FAKE_RENAMES.get(name, ""), f"{name}V2", name.removesuffix("V2") + "V2",
                      name):
        if candidate in RUNTIME_FAKES:
            return f"qiskit_ibm_runtime.fake_provider.{candidate}"
    return "qiskit_ibm_runtime.fake_provider (e.g. FakeManilaV2) or GenericBackendV2"


REGISTRY.match_moved("QKM211", "qiskit.providers.fake_provider.Fake*", fake_successor)
REGISTRY.match_moved("QKM211", "qiskit.test.mock.*", fake_successor)
# The BackendV1 fakes of Qiskit 1.x: deprecated with BackendV1 in 1.2, removed in 2.0 (the
# device fakes above went in 1.0).
QISKIT_1_V1_FAKES = ("Fake5QV1", "Fake20QV1", "Fake7QPulseV1", "Fake27QPulseV1",
                     "Fake127QPulseV1", "Fake1Q", "FakeOpenPulse2Q", "FakeOpenPulse3Q",
                     "FakeBackend", "FakeQasmBackend", "FakePulseBackend")
REGISTRY.match_names(
    "QKM211",
    *[(f"qiskit.providers.fake_provider.{name}", "qiskit.providers.fake_provider.GenericBackendV2")
      for name in QISKIT_1_V1_FAKES],
    releases=Releases("qiskit", deprecated="1.2.0", removed="2.0.0"),
)

REGISTRY.add(Rule(
    code="QKM213",
    name="runtime-v1-fake-backend",
    message="'{name}' is a V1 fake backend of qiskit-ibm-runtime",
    fix_title="use '{replacement}'",
    replacement="qiskit_ibm_runtime.fake_provider (e.g. FakeManilaV2) or GenericBackendV2",
    url=GUIDES + "qiskit-1.0-features#fake-backends-runtime",
    releases=Releases("qiskit-ibm-runtime", deprecated="0.24.0", removed="0.31.0"),
    new_names=("qiskit_ibm_runtime.fake_provider.FakeProviderForBackendV2",),
    deprecated_in="qiskit-ibm-runtime 0.24.0",
    removed_in="qiskit-ibm-runtime 0.31.0 (most device fakes); 0.33.0 (FakeMelbourne, "
    "FakePoughkeepsie, FakeTenerife, FakeTokyo, FakeRueschlikon)",
    no_fix_reason="No fix: the import and every use change name, and code written for the V1 "
    "interface (`backend.name()`, `backend.defaults()`) must change with them.",
    since="0.2.0",
    doc=RuleDoc(
        summary='V1 fakes of `qiskit_ibm_runtime.fake_provider` (`FakeManila` ...)',
        what="Finds the BackendV1 fake backends of `qiskit_ibm_runtime.fake_provider` (the "
        "device names without `V2`: `FakeManila`, `FakeLima`, `FakeTokyo` ...), `FakeProvider` "
        "and the V1 base class `FakeBackend`, imported or used.",
        why="qiskit-ibm-runtime 0.24 deprecated its V1 fake backends for the V2 ones "
        "(`FakeManilaV2`, `FakeProviderForBackendV2`); 0.31 removed most of them and 0.33 the "
        "rest, so the import fails. Devices that never had a V2 snapshot (`FakeTenerife`, "
        "`FakeTokyo`, `FakeRueschlikon`) have no successor: use `GenericBackendV2` or "
        "another fake.",
    ),
))
# Every V2 device fake named ``...V2`` had a V1 class without the suffix; most went in 0.31,
# the last five (and, at the latest with them, the provider and base class) in 0.33.
_LAST_V1_FAKES = ("FakeMelbourne", "FakePoughkeepsie", "FakeTenerife", "FakeTokyo",
                  "FakeRueschlikon", "FakeProvider", "FakeBackend")
RUNTIME_V1_FAKES = frozenset(name.removesuffix("V2") for name in RUNTIME_FAKES
                             if name.endswith("V2") and name != "FakeProviderForBackendV2"
                             ) | set(_LAST_V1_FAKES)
_RUNTIME_FAKES_MODULE = "qiskit_ibm_runtime.fake_provider"
_V1_BASE = {"FakeBackend": f"{_RUNTIME_FAKES_MODULE}.fake_backend.FakeBackendV2"}


def _runtime_fake_names(names: Iterable[str]) -> list[tuple[str, str]]:
    return [(f"{_RUNTIME_FAKES_MODULE}.{name}", _V1_BASE.get(name) or fake_successor(name))
            for name in sorted(names)]


REGISTRY.match_names("QKM213", *_runtime_fake_names(RUNTIME_V1_FAKES - set(_LAST_V1_FAKES)))
REGISTRY.match_names("QKM213", *_runtime_fake_names(_LAST_V1_FAKES),
                     releases=Releases("qiskit-ibm-runtime", deprecated="0.24.0",
                                       removed="0.33.0"))

REGISTRY.add(Rule(
    code="QKM212",
    name="job-monitor",
    message="'{name}' was removed in Qiskit 1.0",
    fix_title="use '{replacement}'",
    replacement="job.status() in a loop, or the IBM Quantum dashboard",
    url=GUIDES + "qiskit-1.0-features#monitor",
    fix=Autofix(
        "unsafe",
        "Delete the `job_monitor(job)` statements and the `job_monitor` import; delete "
        "`import qiskit.tools.jupyter` and the magics it registered",
        "Unsafe: what these tools showed is gone, results are not changed. `job_monitor(job)` "
        "printed progress lines, and code between the call and `job.result()` no longer waits "
        "for the job (`job.result()` itself blocks until the job is done). Before: `from "
        "qiskit.tools.monitor import job_monitor` ... `job_monitor(job, interval=2)` ... "
        "`counts = job.result().get_counts()`; after: `counts = job.result().get_counts()` (a "
        "statement that was the whole of its block becomes `pass`). One fix deletes every "
        "call and the import together, never half of them, with the names of the same imports "
        "that nothing uses (`backend_monitor`, `backend_overview`: used, they stay reported, "
        "with no fix: they have no successor); it is offered only where every use of the "
        "imported name is a `job_monitor(...)` statement of its own line whose arguments only "
        "name values (deleting it deletes no other effect), the name is bound nowhere else, "
        "and no `try` surrounds a call or the import. `qiskit.tools.monitor.job_monitor(job)` "
        "through a module import is left to the user. In a notebook, `import "
        "qiskit.tools.jupyter` (or `from qiskit.tools.jupyter import *`) registered magics "
        "that displayed HTML (`%qiskit_version_table`, `%qiskit_copyright`) or job widgets "
        "(`%qiskit_job_watcher`, `%qiskit_progress_bar` ...); another fix deletes the imports "
        "and every such magic line of the notebook together, never a magic without its import "
        "or the reverse (a script's `get_ipython().run_line_magic(...)` "
        "statements too), where each magic is a line of its own (not `bar = "
        "%qiskit_progress_bar`, not the cell magic `%%qiskit_job_status`), no name the import "
        "binds is read (`qiskit` of `import qiskit.tools.jupyter` may be: where no other "
        "`import qiskit...` binds it, the first such import becomes `import qiskit`, binding "
        "it where it did; a star import's `HTMLProgressBar` ... may not), and no "
        "`try` surrounds an import."),
    releases=Releases("qiskit", deprecated="0.46.0", removed="1.0.0"),
    new_names=("qiskit.primitives.PrimitiveJob.status",),
    deprecated_in="Qiskit 0.46",
    removed_in="Qiskit 1.0",
    doc=RuleDoc(
        summary='`job_monitor` and `qiskit.tools.jupyter`',
        what="Finds `qiskit.tools.monitor` (`job_monitor`, `backend_monitor` ...) and "
        "`qiskit.tools.jupyter`, and, in notebooks, the magics `qiskit.tools.jupyter` "
        "registered (`%qiskit_version_table`, `%qiskit_copyright`, `%qiskit_job_watcher`, "
        "`%qiskit_disable_job_watcher`, `%qiskit_progress_bar`, `%qiskit_backend_overview`, "
        "`%%qiskit_job_status`, `%monospaced_output`, `%circuit_library_info`), reported "
        "from the `%` to the line's end (in a notebook exported as a script: "
        "`get_ipython().run_line_magic(\"qiskit_version_table\", \"\")`).",
        why="These tools were tied to qiskit-ibmq-provider and were removed in Qiskit 1.0.",
    ),
))
# What the magics of ``qiskit.tools.jupyter`` showed is at hand without them (the job widgets
# have no successor).
JUPYTER_ADVICE = "nothing: print qiskit.__version__ for the version table"
REGISTRY.match_names(
    "QKM212",
    "qiskit.tools.monitor.*",
    ("qiskit.tools.jupyter.*", JUPYTER_ADVICE),
    "qiskit.tools.job_monitor",
    "qiskit.tools.backend_monitor",
    "qiskit.tools.backend_overview",
)


def _to_service(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    """``IBMQ.load_account()`` / ``IBMProvider()`` -> ``QiskitRuntimeService()``, adding the
    import; only argument-less calls (an account or instance argument has no mechanical
    mapping) whose result nothing reads: a provider that is used later would become a service
    with another API (``Autofix.chain`` drops the fix where other uses of the old API remain)."""
    if ctx.source is None or ctx.module is None or not isinstance(node, ast.Call) or (
            node.args or node.keywords) or not result_unused(ctx.module, node):
        return None
    func = node.func
    spelled = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if not (name.endswith(".load_account") and spelled == "load_account"
            or name.endswith(".IBMProvider") and spelled == "IBMProvider"):
        return None  # e.g. ``IBMProvider().get_backend(...)``: the provider is not the call
    edits = [ctx.source.replace(node, "QiskitRuntimeService()")]
    needed = import_needed(ctx.module, ("qiskit_ibm_runtime",), "QiskitRuntimeService", node)
    if needed is None:
        return None
    if needed:
        edits.append(add_import(ctx.source, ctx.module,
                                "from qiskit_ibm_runtime import QiskitRuntimeService"))
    return tuple(edits)
