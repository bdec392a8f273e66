"""Out of the Box: a turn-based role-play game about library partnerships."""

__version__ = "0.1.0"
