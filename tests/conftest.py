"""Session-wide set-up of the test suite.

`scripts/test.sh` runs its parts as background jobs, which start with Ctrl-C ignored; Python
then never installs its KeyboardInterrupt handler, and the part's time box (SIGINT) would not
stop pytest with its summary. The handler is put back here.

Helpers several test modules use (a live web server, an archive embedded by the real embed
stage) are in tests/support, put on the import path here.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "support"))

signal.signal(signal.SIGINT, signal.default_int_handler)
