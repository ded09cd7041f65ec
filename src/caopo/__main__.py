"""``python -m caopo``: the ``caopo`` command."""

from caopo.cli import main

raise SystemExit(main())
