"""Ctrl-C in Python lets escsim write what it has done, as Ctrl-C at the command line does."""

import json
import signal
import subprocess
import sys
import time

from conftest import SCENARIO

CHILD = """
import sys, escsim
try:
    escsim.run(sys.argv[1], replications=20000, seed=1, out=sys.argv[2], binary=sys.argv[3], threads=1)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
"""


def test_keyboard_interrupt_leaves_a_resumable_folder(binary, tmp_path):
    out = tmp_path / "big"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(SCENARIO), str(out), binary],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # Interrupt once escsim has started on the folder (it is far from done with 20,000).
        for _ in range(600):
            if (out / ".escsim").is_dir() or child.poll() is not None:
                break
            time.sleep(0.1)
        assert child.poll() is None, child.communicate()
        time.sleep(1)
        child.send_signal(signal.SIGINT)
        stdout, stderr = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
    assert "KeyboardInterrupt" in stdout, stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["complete"] is False
    assert manifest["stop_reason"].startswith("interrupted")
    assert manifest["replications_done"] < 20000
