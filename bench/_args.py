"""Argument types the benchmark scripts share (standard library only: compare.py's memory workers
import nothing else)."""

from __future__ import annotations

import argparse


def positive_int(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n
