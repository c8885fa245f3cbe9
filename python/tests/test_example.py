"""The example script runs and prints one collapse probability per policy."""

import os
import subprocess
import sys

from conftest import REPOSITORY


def test_collapse_by_variant_example(binary):
    script = REPOSITORY / "python" / "examples" / "collapse_by_variant.py"
    done = subprocess.run([sys.executable, str(script)], cwd=REPOSITORY, capture_output=True, text=True,
                          env={**os.environ, "ESCSIM": binary})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for variant in ["baseline", "russia_air_surge", "iran_reinforces"]:
        shares = [float(line.split()[1]) for line in lines if line.startswith(variant + " ")]
        assert len(shares) == 2 and shares[0] == shares[1] and 0 <= shares[0] <= 1
