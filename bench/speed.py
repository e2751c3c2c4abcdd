"""Pages per second of ``cleanbody.clean(html, url=url)`` and ``trafilatura.extract(html, url=url)``
(its defaults) on WCXB dev pages, side by side in one process.

Each page is given to both in turn, the order alternating page by page, and each call is timed in
CPU time of this process, so a busy machine slows both alike. Both run once on a small page first,
so import-time and first-call set-up (htmldate hands some dates to dateparser, which builds its
tables on first use) are not charged to the first page. Prints pages/s for each and the ratio
(above 1: cleanbody is faster).

    python bench/speed.py [--step 3] [--data pages.jsonl.gz]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# Measure the cleanbody in this checkout, not one installed elsewhere.
sys.path.insert(0, str(REPO_ROOT))

import trafilatura  # noqa: E402

import cleanbody  # noqa: E402
from bench._args import positive_int  # noqa: E402
from bench.wcxb import DEFAULT_DATA, TYPES, load_pages  # noqa: E402

_WARM_UP = "<html><body><article><p>Posted on Tuesday, 14 of May, year 2023. A short page.</p></article></body></html>"


def _systems() -> dict[str, Callable[[str, str], object]]:
    return {
        "cleanbody": lambda html, url: cleanbody.clean(html, url=url),
        "trafilatura": lambda html, url: trafilatura.extract(html, url=url),
    }


def measure(pages: Sequence[tuple[str, str]]) -> dict[str, float]:
    """CPU seconds each system spent on *pages* (html, url), called in alternating order."""
    systems = _systems()
    for run in systems.values():
        run(_WARM_UP, "https://example.org/")
    spent = dict.fromkeys(systems, 0.0)
    names = list(systems)
    for i, (html, url) in enumerate(pages):
        for name in names if i % 2 == 0 else names[::-1]:
            start = time.process_time()
            systems[name](html, url)
            spent[name] += time.process_time() - start
    return spent


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="pages.jsonl.gz (default: ../shared/bench)")
    parser.add_argument("--step", type=positive_int, default=1, help="every Nth page only (default: all)")
    args = parser.parse_args(argv)
    pages = [(p.html, p.url) for p in load_pages(args.data, ("tune", "check"), TYPES)][:: args.step]
    spent = measure(pages)
    rates = {name: len(pages) / seconds for name, seconds in spent.items()}
    for name, rate in rates.items():
        print(f"{name}: {rate:.1f} pages/s ({spent[name]:.1f} CPU s)")
    print(f"ratio cleanbody/trafilatura: {rates['cleanbody'] / rates['trafilatura']:.2f} on {len(pages)} WCXB pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
