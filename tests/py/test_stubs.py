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


def test_options_are_typed_literals(tmp_path):
    # a misspelt option is caught by mypy, a correct one is not
    good = tmp_path / "good.py"
    good.write_text('import spbe\nr = spbe.score({"1": 3}, rubric="permenpanrb-59-2020", missing="lowest", predicate_basis="exact", track="mandiri")\n'
                    'p = spbe.plan({"1": 3}, rubric="permenpanrb-59-2020", to="Baik", missing="renormalize")\n')
    bad = tmp_path / "bad.py"
    bad.write_text('import spbe\nr = spbe.score({"1": 3}, rubric="permenpanrb-59-2020", missing="lowst")\n')
    run = lambda f: subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", str(f)], capture_output=True, text=True)
    ok = run(good)
    assert ok.returncode == 0, ok.stdout
    out = run(bad)
    assert out.returncode == 1 and "lowst" in out.stdout, out.stdout


def test_score_frame_returns_the_type_it_is_given(tmp_path):
    src = tmp_path / "frames.py"
    src.write_text(
        "import spbe\n"
        "class MyFrame: ...\n"
        "ok: MyFrame = spbe.score_frame(MyFrame(), rubric='permenpanrb-59-2020')\n"
        "bad: int = spbe.score_frame(MyFrame(), rubric='permenpanrb-59-2020')\n"
    )
    out = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", str(src)], capture_output=True, text=True)
    # only the second assignment is an error: the result has the type of the frame given
    assert out.returncode == 1 and ":4:" in out.stdout and ":3:" not in out.stdout, out.stdout
