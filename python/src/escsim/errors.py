"""The exceptions of the escsim package."""

from __future__ import annotations

from typing import Optional, Sequence


class EscsimError(RuntimeError):
    """escsim exited with a non-zero status.

    Carries the command, the exit status and escsim's standard error, whose first line is
    escsim's own one-line error (with file:line:column for bad input), so that the Python
    traceback says what escsim said rather than only "exit status 1".
    """

    def __init__(self, command: Sequence[str], returncode: int, stderr: str, stdout: str = ""):
        self.command = list(command)
        self.returncode = returncode
        self.stderr = stderr
        self.stdout = stdout
        said = stderr.strip() or stdout.strip() or "(nothing on standard error)"
        super().__init__(f"escsim exited with status {returncode}: {said}")


class EscsimNotFoundError(FileNotFoundError):
    """No escsim binary: neither `binary=`, nor the environment variable ESCSIM, nor PATH."""

    def __init__(self, message: str, tried: Optional[str] = None):
        self.tried = tried
        super().__init__(message)
