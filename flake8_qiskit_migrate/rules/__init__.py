"""The rule families. Importing this package registers every rule in ``REGISTRY``."""

from . import backends, execution, primitives, providers, run_options

__all__ = ["backends", "execution", "primitives", "providers", "run_options"]
