import sys

from phi_core.cli.main import main

sys.exit(main())
