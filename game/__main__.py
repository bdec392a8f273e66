"""``python -m game`` is the same as the ``outofthebox`` command."""

from game.cli import main

raise SystemExit(main())
