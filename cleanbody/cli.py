"""Command line: ``cleanbody FILE ...`` prints the clean body of each file."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from cleanbody import __version__
from cleanbody._api import Cleaner
from cleanbody.config import Config
from cleanbody.html.rules import DOM_RULES
from cleanbody.rules import RULES


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cleanbody", description="Clean article text out of scraped pages.")
    p.add_argument("inputs", nargs="*", default=["-"], help="HTML or text files; '-' or nothing reads stdin")
    p.add_argument("--format", choices=("text", "json"), default="text", help="body text, or the full result as JSON")
    p.add_argument("--explain", action="store_true", help="after the text, list every removal with its rule and reason")
    p.add_argument("--kind", choices=("auto", "html", "text"), default="auto", help="force the input kind")
    p.add_argument("--url", help="the page's URL (metadata, and a hint for HTML extraction)")
    p.add_argument("--favor", choices=("precision", "balanced", "recall"), default="balanced")
    p.add_argument("--disable", action="append", default=[], metavar="RULE_OR_CATEGORY")
    p.add_argument("--enable", action="append", default=[], metavar="RULE_OR_CATEGORY")
    p.add_argument("--list-rules", action="store_true", help="print id, category and summary of every rule")
    p.add_argument("--version", action="version", version=f"cleanbody {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(_parser().parse_args(argv))
    except BrokenPipeError:
        # The reader went away (`cleanbody page.html | head`): stop quietly.
        sys.stderr.close()
        return 0


def _run(args: argparse.Namespace) -> int:
    if args.list_rules:
        for dom_rule in DOM_RULES:
            print(f"{dom_rule.rule_id}\tdom\t{dom_rule.summary}")
        for rule in RULES:
            print(f"{rule.rule_id}\ttext\t{rule.summary}")
        return 0
    try:
        config = Config(disable=frozenset(args.disable), enable=frozenset(args.enable), favor=args.favor)
    except ValueError as err:
        print(f"cleanbody: {err}", file=sys.stderr)
        return 2
    cleaner = Cleaner(config)
    for path in args.inputs:
        try:
            data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()  # noqa: SIM115
        except OSError as err:
            print(f"cleanbody: {err}", file=sys.stderr)
            return 1
        result = cleaner.clean(data, url=args.url, kind=args.kind)
        if args.format == "json":
            print(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            print(result.text)
            if args.explain:
                print("\n" + result.explain())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
