"""The rule families. Importing this package registers every rule in ``REGISTRY``."""

from . import (backend_interfaces, backends, execution, job_status, primitive_calls,
               primitive_values, primitives, providers, run_options, runtime_keywords,
               runtime_options, runtime_settings, server_side_primitives, v2_results)

__all__ = [
    "backend_interfaces", "backends", "execution", "job_status", "primitive_calls",
    "primitive_values", "primitives", "providers", "run_options", "runtime_keywords",
    "runtime_options", "runtime_settings", "server_side_primitives", "v2_results",
]
