"""Session-wide set-up of the test suite.

`scripts/test.sh` runs its parts as background jobs, which start with Ctrl-C ignored; Python
then never installs its KeyboardInterrupt handler, and the part's time box (SIGINT) would not
stop pytest with its summary. The handler is put back here.
"""

from __future__ import annotations

import signal

signal.signal(signal.SIGINT, signal.default_int_handler)
