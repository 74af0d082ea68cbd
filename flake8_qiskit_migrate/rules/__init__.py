"""The rule families. Importing this package registers every rule in ``REGISTRY``."""

from . import (backends, execution, legacy_simulators, primitive_calls, primitive_values,
               primitives, providers, removals, removed_keywords, run_options, runtime_keywords,
               runtime_options, runtime_scheduling, runtime_settings, server_side_primitives,
               service_chain, v2_rewrites)

__all__ = [
    "backends", "execution", "legacy_simulators", "primitive_calls", "primitive_values",
    "primitives", "providers", "removals", "removed_keywords", "run_options", "runtime_keywords",
    "runtime_options", "runtime_scheduling", "runtime_settings", "server_side_primitives",
    "service_chain", "v2_rewrites",
]
