"""Convert a legacy office file to DOCX with LibreOffice headless, bounded in time.

Each conversion runs in a temporary folder of its own: a copy of the input named by its real
format (so a lying extension cannot mislead LibreOffice, and its lock files never land in the
user's inbox), a fresh user profile (`-env:UserInstallation`: parallel workers never share one
and a crashed conversion cannot spoil the next) and an output folder.

LibreOffice starts a launcher that starts `soffice.bin`; both run in a new session, so on
timeout the whole process group is killed, not just the launcher. LibreOffice exits 0 even
when it cannot read a file, so success is judged by the DOCX it leaves behind.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from corpus.errors import InputError, ModelMissing
from pipeline.parse.support.children import children_die_with_us, kill_group

DEBIAN_PACKAGE = "libreoffice-writer-nogui"
DOCX_FILTER = "docx:MS Word 2007 XML"
_EXECUTABLES = ("soffice", "libreoffice")


def soffice() -> str:
    """The LibreOffice program on PATH, or `ModelMissing` saying how to install it."""
    for name in _EXECUTABLES:
        found = shutil.which(name)
        if found:
            return found
    raise ModelMissing(
        "LibreOffice (needed to read .doc, .rtf and .odt files)",
        f"Install it with: apt-get install -y --no-install-recommends {DEBIAN_PACKAGE}",
    )


@contextmanager
def converted_to_docx(path: Path, suffix: str, timeout: float) -> Iterator[Path]:
    """The DOCX LibreOffice makes of `path` (read as a `suffix` file), deleted on exit.

    `timeout` is the `convert_timeout` setting. Unloaded, a report converts in 2-5 s (most of
    it LibreOffice starting); the setting stays below the batch deadline so a file fails with
    this reason rather than the deadline's."""
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="sekretar-lo-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        source = work / "in" / f"document{suffix}"
        source.parent.mkdir()
        try:
            shutil.copyfile(path, source)
        except OSError as err:
            raise InputError(f"cannot be read: {err.strerror or err}") from err
        yield _convert(program, source, work, timeout)


def _convert(program: str, source: Path, work: Path, timeout: float) -> Path:
    outdir = work / "out"
    command = [
        program,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless", "--invisible", "--nologo", "--norestore", "--nolockcheck", "--nodefault",
        "--convert-to", DOCX_FILTER, "--outdir", str(outdir), str(source),
    ]
    output = run_bounded(command, timeout, cwd=work)
    result = outdir / f"{source.stem}.docx"
    if not result.is_file() or result.stat().st_size == 0:
        raise InputError(f"conversion failed: {_reason(output)}")
    return result


def run_bounded(command: list[str], timeout: float, cwd: Path) -> str:
    """Run a converter in its own process group; kill the whole group at `timeout`.

    Returns what it printed (stdout and stderr together); raises `InputError` on timeout.
    """
    with children_die_with_us():
        process = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            out, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as err:
            _stop(process)
            raise InputError(f"conversion timed out after {timeout:g} s") from err
        except BaseException:
            _stop(process)
            raise
    return out.decode("utf-8", "replace")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Kill the group and reap the launcher; never wait on a pipe a stray helper may hold."""
    kill_group(process.pid)
    process.wait()
    if process.stdout is not None:
        process.stdout.close()


def _reason(output: str) -> str:
    """LibreOffice's own complaint if it printed one ("source file could not be loaded")."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if line.lower().startswith("error")]
    if errors:
        return errors[-1].removeprefix("Error:").strip() or errors[-1]
    return "LibreOffice could not read the file"
