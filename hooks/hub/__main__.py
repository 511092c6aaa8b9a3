"""`python -m hub`: see hooks/hub/cli.py."""

import sys

from hub.cli import main

sys.exit(main())
