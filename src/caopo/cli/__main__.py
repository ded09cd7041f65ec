"""``python -m caopo.cli``."""

from caopo.cli import main

raise SystemExit(main())
