"""The layout rules that keep the code readable: no Python file over 600 lines, tests and
scripts included (README "Architecture")."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 600


def tracked_python_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [ROOT / name for name in listed if (ROOT / name).is_file()]


def lines_of(path: Path) -> int:
    with path.open("rb") as text:
        return sum(1 for _ in text)


def test_the_python_files_are_found() -> None:
    found = {path.relative_to(ROOT).as_posix() for path in tracked_python_files()}
    assert {"bot/app.py", "tests/test_layout.py", "scripts/loadtest.py"} <= found


def test_no_python_file_is_over_600_lines() -> None:
    too_long = {
        path.relative_to(ROOT).as_posix(): lines
        for path in tracked_python_files()
        if (lines := lines_of(path)) > MAX_LINES
    }
    assert too_long == {}, f"split these files (over {MAX_LINES} lines): {too_long}"
