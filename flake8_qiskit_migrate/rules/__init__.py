"""The rule families. Importing this package registers every rule in ``REGISTRY``."""

from . import primitives, providers

__all__ = ["primitives", "providers"]
