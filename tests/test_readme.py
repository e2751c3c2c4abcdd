"""The README's examples marked ``<!-- tested -->`` run as written.

Each runs in a fresh folder holding a copy of ``seeds/``, as a user would run
it from a clone: a ``sh`` block with bash (the ``cleanbody`` command is this
interpreter's), a ``python`` block as a script. An example that needs an
extra (pyspark, datatrove) skips when the extra is not installed.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLE = re.compile(r"<!-- tested -->\n```(\w+)\n(.*?)\n```", re.DOTALL)
EXTRAS = {"pyspark": "spark", "datatrove": "datatrove"}


def _examples() -> list[object]:
    params = []
    for n, match in enumerate(EXAMPLE.finditer(README), start=1):
        language, code = match.groups()
        prose = re.sub(r"```.*?```", "", README[: match.start()], flags=re.DOTALL)  # code comments start with # too
        heading = re.findall(r"^#+ (.+)$", prose, re.MULTILINE)[-1]
        params.append(pytest.param(language, code, id=f"{n}-{heading.lower().replace(' ', '-')}"))
    return params


def test_readme_has_tested_examples() -> None:
    languages = [p.values[0] for p in _examples()]  # type: ignore[attr-defined]
    assert languages.count("sh") >= 1 and languages.count("python") >= 3


@pytest.mark.parametrize(("language", "code"), _examples())
def test_example_runs(language: str, code: str, tmp_path: Path) -> None:
    for module, extra in EXTRAS.items():
        if re.search(rf"^\s*(?:from|import) {module}\b", code, re.MULTILINE) and not importlib.util.find_spec(module):
            pytest.skip(f"{module} is not installed (pip install 'cleanbody[{extra}]')")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    script = tmp_path / ("example.sh" if language == "sh" else "example.py")
    script.write_text(code + "\n", encoding="utf-8")
    command = ["bash", "-euo", "pipefail", str(script)] if language == "sh" else [sys.executable, str(script)]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip(), "the example printed nothing"
