"""The rule families. Importing this package registers every rule in ``REGISTRY``."""

from . import (assemble_fix, backend_interfaces, backends, execute_fix, execution, ibm_sampler,
               isa_circuits, job_status, legacy_simulators, moved_imports, primitive_calls,
               primitive_values, primitives, providers, removals, removed_keywords, run_options, runtime_keywords,
               runtime_options, runtime_scheduling, runtime_settings, sampler_fix,
               server_side_primitives, service_chain, unused_imports, v2_results, v2_rewrites)

__all__ = [
    "assemble_fix", "backend_interfaces", "backends", "execute_fix", "execution", "ibm_sampler",
    "isa_circuits", "job_status", "legacy_simulators", "moved_imports", "primitive_calls",
    "primitive_values", "primitives", "providers", "removals", "removed_keywords", "run_options", "runtime_keywords",
    "runtime_options", "runtime_scheduling", "runtime_settings", "sampler_fix",
    "server_side_primitives", "service_chain", "unused_imports", "v2_results", "v2_rewrites",
]
