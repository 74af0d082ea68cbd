"""The rule families. Importing this package registers every rule in ``REGISTRY``."""

from . import (backends, execute_fix, execution, legacy_simulators, moved_imports,
               primitive_calls, primitive_values, primitives, providers, removed_keywords,
               run_options, runtime_keywords, runtime_options, runtime_scheduling,
               runtime_settings, server_side_primitives)

__all__ = [
    "backends", "execute_fix", "execution", "legacy_simulators", "moved_imports",
    "primitive_calls", "primitive_values", "primitives", "providers", "removed_keywords",
    "run_options", "runtime_keywords", "runtime_options", "runtime_scheduling",
    "runtime_settings", "server_side_primitives",
]
