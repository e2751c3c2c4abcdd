"""A datatrove pipeline step that cleans each document (extra ``cleanbody[datatrove]``).

One step gives cleanbody datatrove's readers (WARC, JSONL, Parquet, HF
datasets over fsspec), its Local, Slurm and Ray executors, resumable tasks
and per-step statistics.

The step runs cleanbody in-process: :class:`cleanbody.Config`'s ``timeout``
already bounds the work on each document, so datatrove's extractor sandbox
(a child process per step, killed on timeout) is not needed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from datatrove.data import Document
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from cleanbody._api import Cleaner
from cleanbody.config import Config
from cleanbody.input import InputKind
from cleanbody.model import CleanResult

_PREFIX = "cleanbody_"


class CleanbodyStep(PipelineStep):
    """Replace each document's text (HTML or plain text) by its clean body.

    The page's URL is taken from ``doc.metadata["url"]`` (set by datatrove's
    WARC reader). What cleanbody learned goes into ``doc.metadata`` under
    ``cleanbody_`` keys, so it never overwrites the reader's own ``url`` or
    ``date``: every :class:`cleanbody.Metadata` field (``cleanbody_title``,
    ``cleanbody_authors`` as a list, ...), ``cleanbody_kind``,
    ``cleanbody_captions`` (list of ``{"text", "credit"}``),
    ``cleanbody_notes``, and ``cleanbody_removed``, the number of removals
    per rule id. Every document gets every key (``None`` when unknown), so
    columnar writers see one shape.

    Documents that come out empty are dropped when *drop_empty* is set, as
    datatrove's own extractors do. A document cleanbody fails on is dropped
    and counted (``clean_error``) rather than failing the task.
    Stats: ``total``, ``forwarded``, ``dropped`` (empty), ``clean_error``,
    and ``removed:<rule id>`` (removals per document that had any).
    """

    name = "🧹 cleanbody"
    type = "🛢 - EXTRAC"

    def __init__(self, config: Config | None = None, *, kind: InputKind = "auto", drop_empty: bool = True) -> None:
        super().__init__()
        self.cleaner = Cleaner(config)
        self.kind = kind
        self.drop_empty = drop_empty
        self._warned_error = False

    def run(self, data: Iterable[Document], rank: int = 0, world_size: int = 1) -> Iterator[Document]:
        del rank, world_size  # datatrove's signature (it may pass them by name); each document is cleaned alone
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                try:
                    result = self.cleaner.clean(doc.text, url=doc.metadata.get("url"), kind=self.kind)
                except Exception as err:  # one bad page must not fail a task of thousands
                    self.stat_update("clean_error")
                    if not self._warned_error:
                        self._warned_error = True
                        logger.warning(f"cleanbody failed on document {doc.id!r} ({err!r}); dropping it. Shown once.")
                    continue
            if self.drop_empty and not result.text:
                self.stat_update(StatHints.dropped)
                continue
            removed = dict(sorted(Counter(r.rule_id for r in result.removed).items()))
            doc.text = result.text
            doc.metadata.update(_metadata(result, removed))
            for rule_id, count in removed.items():
                self.stat_update(f"removed:{rule_id}", value=count)
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc


def _metadata(result: CleanResult, removed: dict[str, int]) -> dict[str, object]:
    """What the step writes into ``Document.metadata``, every key prefixed."""
    data = result.to_dict()
    fields = {**data["metadata"], "kind": data["kind"], "captions": data["captions"], "notes": data["notes"]}
    return {_PREFIX + key: value for key, value in {**fields, "removed": removed}.items()}
