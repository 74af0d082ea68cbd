"""A small project for the project index: definitions in some modules, uses in others."""

from .backends import Device as Device
