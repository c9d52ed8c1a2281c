"""Shared fixtures: paths into the repository. The package under test is the
one installed by maturin (pip install ./spbe-py), never a source checkout."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
VECTORS = sorted((ROOT / "tests" / "vectors").glob("*.json"))
EXAMPLE = ROOT / "examples" / "kabupaten-sukamaju-2024.json"


@pytest.fixture(scope="session")
def cli():
    """The spbe CLI binary (built by the test script before pytest runs)."""
    path = pathlib.Path(os.environ.get("SPBE_CLI", ROOT / "target" / "release" / "spbe"))
    if not path.exists():
        subprocess.run(["cargo", "build", "--release", "--bin", "spbe"], cwd=ROOT, check=True)
    return str(path)


def pytest_report_header(config):
    import spbe

    return f"spbe {spbe.__version__} from {pathlib.Path(spbe.__file__).parent}"
