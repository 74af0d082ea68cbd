"""The classical registers a circuit holds when it runs, where the module proves them: the
circuit is built by ``QuantumCircuit(...)`` (or copied, or transpiled, from such a circuit) in a
binding its use sees (``flow``), and what is done with it before the run is known not to change
its registers but for ``measure_all()``, which adds ``meas``. Each register is its name, or None
where it has one whose name the module does not spell (``ClassicalRegister(3)`` is ``c0``, ``c1``
... by a counter)."""

from __future__ import annotations

import ast

from ..registry import REGISTRY, Context
from .flow import reaching, uses

# The circuit classes are what ``from qiskit import *`` gives a textbook notebook.
REGISTRY.exports("qiskit.QuantumCircuit", "qiskit.QuantumRegister", "qiskit.ClassicalRegister")

Registers = tuple[str | None, ...]
# ``transpile``, where a module imports it from (one function in qiskit 0.46 and today).
TRANSPILE = frozenset({"qiskit.transpile", "qiskit.compiler.transpile"})
# Circuit methods that add or change classical registers, or make the register of
# ``measure_all()`` another: the registers are not known then.
REGISTER_CHANGES = frozenset({"add_register", "add_bits", "compose", "tensor", "measure_active",
                              "remove_final_measurements", "copy_empty_like"})
# Attributes whose contents, changed in place, change the registers.
_CONTENTS = frozenset({"cregs", "clbits", "data", "_data"})
# Calls that read a circuit given as an argument and leave it as it was.
_READERS = TRANSPILE | frozenset({
    "qiskit.execute", "qiskit.assemble", "print", "display", "len", "str", "repr",
    "qiskit.quantum_info.Statevector", "qiskit.quantum_info.Operator",
    "qiskit.visualization.circuit_drawer"})
_READING_METHODS = frozenset({"run", "get_counts", "get_memory", "compose", "draw"})


def binding(module: ast.Module, parents: dict[int, ast.AST],
            use: ast.Name) -> ast.Assign | None:
    """The ``name = value`` whose value ``use`` reads: the one its straight-line code sees, or
    the module's only binding of the name."""
    assign = reaching(parents, use)
    if assign is not None:
        return assign
    bindings = [n for n in ast.walk(module) if isinstance(n, ast.Name) and n.id == use.id
                and not isinstance(n.ctx, ast.Load)]
    assigns = [s for s in ast.walk(module) if isinstance(s, ast.Assign) and len(s.targets) == 1
               and s.targets[0] in bindings]
    if len(bindings) != 1 or len(assigns) != 1 or any(
            isinstance(n, ast.alias) and (n.asname or n.name) == use.id for n in ast.walk(module)):
        return None
    if any(n is use for n in ast.walk(assigns[0].value)):
        return None  # ``x = x + 1`` read in its own value: an earlier value, not proven
    return assigns[0]


def reads_of(module: ast.Module, parents: dict[int, ast.AST],
             assign: ast.Assign) -> list[ast.Name] | None:
    """Every read of the value ``assign`` binds: those its straight-line code proves, or, for
    the module's only binding of the name, every read of the name."""
    found = uses(parents, assign)
    if found is not None:
        return found
    target = assign.targets[0]
    assert isinstance(target, ast.Name)
    stores = [n for n in ast.walk(module) if isinstance(n, ast.Name) and n.id == target.id
              and not isinstance(n.ctx, ast.Load)]
    if stores != [target]:
        return None
    return [n for n in ast.walk(module) if isinstance(n, ast.Name) and n.id == target.id
            and isinstance(n.ctx, ast.Load)]


Position = tuple[int, int]


def position(node: ast.AST) -> Position:
    return node.lineno, node.col_offset  # type: ignore[attr-defined]


def classical_registers(ctx: Context, module: ast.Module, parents: dict[int, ast.AST],
                        use: ast.Name, run: ast.AST, done: Position | None = None,
                        ) -> Registers | None:
    """The classical registers of the circuit ``use`` names when ``run`` takes it. What is
    done with the circuit after ``done`` (where the run's result has been waited for; by
    default the run itself) cannot change what ran; anything else that may change its
    registers between its binding and then proves nothing."""
    assign = binding(module, parents, use)
    if assign is None:
        return None
    registers = _built(ctx, module, parents, assign.value)
    reads = reads_of(module, parents, assign)
    if registers is None or reads is None:
        return None
    block = parents.get(id(assign))
    start, end = position(run), done or position(run)
    for read in reads:
        change = _change(ctx, parents, read)
        if change == "" or position(read) > end:
            continue
        call = parents.get(id(parents.get(id(read))))
        statement = parents.get(id(call))
        if change != "meas" or position(read) > start or (
                "meas" in registers) or parents.get(id(statement)) is not block:
            return None  # changed after the run, in a branch or a loop, or in an unknown way
        registers += ("meas",)
    return registers


def _built(ctx: Context, module: ast.Module, parents: dict[int, ast.AST],
           value: ast.expr) -> Registers | None:
    """The registers of a circuit built by ``value``: ``QuantumCircuit(...)``, or a copy or
    the transpiled circuit of a circuit whose registers are known."""
    if not isinstance(value, ast.Call):
        return None
    func = value.func
    path = ctx.qualify(func)
    if path == "qiskit.QuantumCircuit":
        return _constructed(ctx, module, parents, value)
    if path in TRANSPILE and value.args and isinstance(value.args[0], ast.Name):
        return classical_registers(ctx, module, parents, value.args[0], value)
    if isinstance(func, ast.Attribute) and func.attr == "copy" and not value.args and all(
            k.arg == "name" for k in value.keywords):
        return _of(ctx, module, parents, func.value, value)
    if isinstance(func, ast.Attribute) and func.attr == "compose" and value.args and (
            _new_circuit(value)):
        # ``a.compose(b)`` keeps the registers of ``a``; an ``a`` without classical bits takes
        # those of ``b`` (checked on qiskit 2.6).
        kept = _of(ctx, module, parents, func.value, value)
        return kept if kept != () else _of(ctx, module, parents, value.args[0], value)
    return None


def _of(ctx: Context, module: ast.Module, parents: dict[int, ast.AST], node: ast.expr,
        at: ast.AST) -> Registers | None:
    """The registers of the circuit ``node`` (a name or an expression building one) at ``at``."""
    if isinstance(node, ast.Name):
        return classical_registers(ctx, module, parents, node, at)
    return _built(ctx, module, parents, node)


def _new_circuit(call: ast.Call) -> bool:
    """A ``compose`` / ``tensor`` that returns a new circuit (not ``inplace=True``)."""
    return all(k.arg != "inplace" or (isinstance(k.value, ast.Constant) and k.value.value is False)
               for k in call.keywords)


def _constructed(ctx: Context, module: ast.Module, parents: dict[int, ast.AST],
                 call: ast.Call) -> Registers | None:
    """``QuantumCircuit(n)`` has none, ``QuantumCircuit(n, m)`` has ``c``, and
    ``QuantumCircuit(qr, cr, ...)`` the classical registers it is given."""
    if any(k.arg != "name" for k in call.keywords):
        return None
    kinds = [_argument(ctx, module, parents, a) for a in call.args]
    if any(k is None for k in kinds):
        return None
    if all(k == "int" for k in kinds):
        return {1: (), 2: ("c",)}.get(len(kinds))
    if "int" in kinds:
        return None
    return tuple(k[1] for k in kinds if isinstance(k, tuple))


Kind = str | tuple[str, str | None]  # "int", "quantum", or ("classical", name)


def _argument(ctx: Context, module: ast.Module, parents: dict[int, ast.AST],
              node: ast.expr) -> Kind | None:
    """What an argument of ``QuantumCircuit(...)`` is: a number of bits, a quantum register,
    or a classical register and its name; None if not known."""
    if isinstance(node, ast.Name):
        assign = binding(module, parents, node)
        return None if assign is None else _argument(ctx, module, parents, assign.value)
    if isinstance(node, ast.Constant):
        return "int" if type(node.value) is int else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult)):
        left = _argument(ctx, module, parents, node.left)
        right = _argument(ctx, module, parents, node.right)
        return "int" if left == right == "int" else None
    if not isinstance(node, ast.Call):
        return None
    if isinstance(node.func, ast.Name) and node.func.id in ("int", "len"):
        return "int"
    path = ctx.qualify(node.func)
    if path == "qiskit.QuantumRegister":
        return "quantum"
    if path != "qiskit.ClassicalRegister" or len(node.args) > 2 or any(
            k.arg not in ("size", "name") for k in node.keywords):
        return None
    names = [k.value for k in node.keywords if k.arg == "name"] + node.args[1:]
    label = names[0] if names else None
    if isinstance(label, ast.Constant) and isinstance(label.value, str) and (
            label.value.isidentifier()):
        return ("classical", label.value)
    return ("classical", None)


def _change(ctx: Context, parents: dict[int, ast.AST], read: ast.Name) -> str | None:
    """What a read of the circuit does to its registers: ``""`` nothing, ``"meas"`` adds that
    register (``qc.measure_all()``), None unknown."""
    parent = parents.get(id(read))
    if isinstance(parent, ast.Attribute):
        if not isinstance(parent.ctx, ast.Load) or parent.attr in _CONTENTS:
            return None
        call = parents.get(id(parent))
        if not (isinstance(call, ast.Call) and call.func is parent):
            return ""  # ``qc.num_qubits``
        if parent.attr == "measure_all":
            statement = parents.get(id(call))
            return "meas" if not call.args and not call.keywords and isinstance(
                statement, ast.Expr) else None
        if parent.attr in ("compose", "tensor") and _new_circuit(call):
            return ""
        return None if parent.attr in REGISTER_CHANGES else ""
    if isinstance(parent, (ast.List, ast.Tuple)):
        holder = parents.get(id(parent))
        return "" if isinstance(holder, ast.Call) and parent in holder.args and _reader(
            ctx, holder) else None
    if isinstance(parent, ast.Call) and read in parent.args:
        return "" if _reader(ctx, parent) else None
    if isinstance(parent, (ast.Expr, ast.FormattedValue)):
        return ""  # shown, or printed
    return None


def _reader(ctx: Context, call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in _READING_METHODS:
        return True
    path = ctx.qualify(func)
    return path in _READERS or (isinstance(func, ast.Name) and func.id in _READERS)
