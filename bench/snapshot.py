"""Write ``clean(doc).to_dict()`` of every page of every dev set, to check that a change moves no output.

A refactoring must leave every result as it was: take a snapshot before, one after, and compare.

    python bench/snapshot.py /tmp/before.jsonl.gz            # about 6 minutes on 2 cores
    python bench/snapshot.py /tmp/after.jsonl.gz
    python bench/snapshot.py --compare /tmp/before.jsonl.gz /tmp/after.jsonl.gz

Each line is ``{"set", "id", "rendering", "result"}``, in a fixed order. The data is read from
``../shared/bench/`` (never copied into the repo). The timeout is off, so the output does not depend
on how busy the machine is. Every page's ``replay()`` is checked against its body on the way.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

SHARED = REPO_ROOT.parent / "shared" / "bench"
#: Dev set -> (file, the field holding the document, the kind to clean it as).
SETS = {
    "zyte": ("zyte/pages.jsonl.gz", "html", "auto"),
    "trafilatura-eval": ("trafilatura-eval/pages.jsonl.gz", "html", "auto"),
    "wcxb": ("wcxb/pages.jsonl.gz", "html", "auto"),
    "plaintext": ("plaintext/dev.jsonl.gz", "text", "text"),
    "plaintext-wild": ("plaintext-wild/dev.jsonl.gz", "text", "text"),
}


def _jobs() -> Iterator[tuple[str, str, str, str, str, str | None]]:
    for name, (path, field, kind) in SETS.items():
        with gzip.open(SHARED / path, "rt", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                url = record.get("url")
                yield name, record["id"], record.get("rendering", ""), record[field], kind, url


def _clean(job: tuple[str, str, str, str, str, str | None]) -> str:
    import cleanbody

    name, page_id, rendering, doc, kind, url = job
    if url is not None and "://" not in url:
        url = None  # trafilatura-eval names its pages "hard::file.html"
    result = cleanbody.clean(doc, url=url, kind=kind, config=_CONFIG)  # type: ignore[arg-type]
    if result.replay() != result.text:
        raise AssertionError(f"{name} {page_id} {rendering}: replay() differs from the body")
    entry: dict[str, Any] = {"set": name, "id": page_id, "rendering": rendering, "result": result.to_dict()}
    return json.dumps(entry, ensure_ascii=False, sort_keys=True)


def _config() -> Any:
    import cleanbody

    return cleanbody.Config(timeout=None)


_CONFIG = _config()


def write(out: Path, jobs: int) -> str:
    digest = hashlib.sha256()
    with gzip.open(out, "wt", encoding="utf-8") as f, ProcessPoolExecutor(jobs) as pool:
        for line in pool.map(_clean, _jobs(), chunksize=8):
            f.write(line + "\n")
            digest.update(line.encode())
    return digest.hexdigest()


def _read(path: Path) -> dict[tuple[str, str, str], str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        entries = (json.loads(line) for line in f)
        return {(e["set"], e["id"], e["rendering"]): json.dumps(e["result"], sort_keys=True) for e in entries}


def compare(a: Path, b: Path, show: int) -> int:
    left, right = _read(a), _read(b)
    differ = sorted(k for k in left.keys() | right.keys() if left.get(k) != right.get(k))
    per_set: dict[str, int] = {}
    for key in differ:
        per_set[key[0]] = per_set.get(key[0], 0) + 1
    print(f"{len(left)} and {len(right)} pages; {len(differ)} differ {per_set or ''}")
    for key in differ[:show]:
        print(" ", *key)
    return 1 if differ else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?", type=Path, help="the snapshot to write (.jsonl.gz)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"), help="list the pages whose results differ")
    parser.add_argument("--show", type=int, default=20, help="with --compare: how many differing pages to name")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="worker processes (default: 2)")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare, args.show)
    if args.out is None:
        parser.error("give the snapshot file to write, or --compare A B")
    if not SHARED.is_dir():
        parser.error(f"the dev sets are read from {SHARED}, which is missing")
    print(f"{args.out}: sha256 {write(args.out, args.jobs)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
