"""The .pyi stubs match the compiled module (mypy's stubtest), and the package type-checks."""
import pathlib
import subprocess
import sys

import spbe

PKG = pathlib.Path(spbe.__file__).parent


def test_stubtest_lowlevel():
    out = subprocess.run([sys.executable, "-m", "mypy.stubtest", "spbe._lowlevel"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_package_is_typed():
    assert (PKG / "py.typed").exists()
    assert (PKG / "_lowlevel.pyi").exists()
    out = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", "-p", "spbe"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
