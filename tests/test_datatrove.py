"""cleanbody.datatrove.CleanbodyStep: called directly, and in a LocalPipelineExecutor over JSONL.

Needs the extra ``cleanbody[datatrove]``; skipped when datatrove is not
installed. ``.ci/run`` installs the extra and runs this file on its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import cleanbody

pytest.importorskip("datatrove", reason="datatrove is not installed; pip install 'cleanbody[datatrove]' to run them")

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleanbody.datatrove import CleanbodyStep

pytestmark = pytest.mark.datatrove

ARTICLE = """<html lang="en"><head><title>Library reopens after the flood | Riverside Post</title>
<meta name="author" content="Ali Khan"><meta property="og:site_name" content="Riverside Post"></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/opinion">Opinion</a></nav>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a></div>
<article><h1>Library reopens after the flood</h1>
<p>The town library reopened on Saturday, eight months after the river flooded its ground floor.</p>
<p>Staff dried and repaired more than four thousand books, and the children's room has new shelves.</p>
</article></body></html>"""
SENTENCES = (
    "The town library reopened on Saturday, eight months after the river flooded its ground floor.",
    "Staff dried and repaired more than four thousand books, and the children's room has new shelves.",
)
MENU_ONLY = '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>'
PLAIN = "Advertisement\nThe plain-text scrape has one paragraph that matters.\nA second sentence keeps it company."


def docs() -> list[Document]:
    return [
        Document(text=ARTICLE, id="article", metadata={"url": "https://post.example/library", "date": "2024-05-04"}),
        Document(text=MENU_ONLY, id="menu", metadata={}),
        Document(text=PLAIN, id="plain", metadata={"source": "scrape-7"}),
    ]


def expected_metadata(page: str, url: str | None = None) -> dict[str, object]:
    """The cleanbody_ keys for *page*, built from cleanbody.clean().to_dict()."""
    result = cleanbody.clean(page, url=url).to_dict()
    counts: dict[str, int] = {}
    for removal in result["removed"]:
        counts[removal["rule_id"]] = counts.get(removal["rule_id"], 0) + 1
    fields = {
        **result["metadata"],
        "kind": result["kind"],
        "captions": result["captions"],
        "notes": result["notes"],
        "removed": counts,
    }
    return {f"cleanbody_{key}": value for key, value in fields.items()}


def test_step_cleans_text_keeps_reader_metadata_and_drops_empty() -> None:
    step = CleanbodyStep()
    out = list(step(docs()))
    assert [d.id for d in out] == ["article", "plain"]
    article, plain = out
    for sentence in SENTENCES:
        assert sentence in article.text
    for noise in ("Home", "Opinion", "Share on Facebook", "Tweet this"):
        assert noise not in article.text
    assert article.text == cleanbody.clean(ARTICLE).text
    assert article.metadata["cleanbody_title"] == "Library reopens after the flood"
    assert article.metadata["cleanbody_authors"] == ["Ali Khan"]
    assert article.metadata["cleanbody_removed"]["share.widget"] == 1
    # The reader's own keys stay; cleanbody's are added beside them.
    assert article.metadata == {
        "url": "https://post.example/library",
        "date": "2024-05-04",
        **expected_metadata(ARTICLE, "https://post.example/library"),
    }
    assert plain.text == cleanbody.clean(PLAIN).text
    assert not plain.text.startswith("Advertisement")
    assert plain.metadata == {"source": "scrape-7", **expected_metadata(PLAIN)}
    assert plain.metadata["cleanbody_removed"] == {"ad.label": 1}
    stats = step.stats
    assert (stats["total"].total, stats["forwarded"].total, stats["dropped"].total) == (3, 2, 1)
    assert stats["removed:share.widget"].total == 1
    assert stats["removed:ad.label"].total == 1


def test_step_can_keep_empty_documents() -> None:
    out = list(CleanbodyStep(drop_empty=False)(docs()))
    assert [(d.id, d.text == "") for d in out] == [("article", False), ("menu", True), ("plain", False)]
    assert out[1].metadata["cleanbody_removed"] == {"nav.landmark": 1}


def test_step_passes_config_and_kind() -> None:
    (doc,) = CleanbodyStep(cleanbody.Config(disable=frozenset({"ad"})), kind="text")([Document(text=PLAIN, id="p")])
    assert doc.text.startswith("Advertisement")
    assert doc.metadata["cleanbody_kind"] == "text"


def test_a_document_that_fails_is_dropped_and_counted() -> None:
    bad = Document(text=ARTICLE, id="bad", metadata={"url": 42})  # cleanbody raises TypeError on a non-str URL
    step = CleanbodyStep()
    out = list(step([bad, *docs()]))
    assert [d.id for d in out] == ["article", "plain"]
    assert step.stats["clean_error"].total == 1
    assert step.stats["total"].total == 4


def test_local_executor_over_jsonl(tmp_path: Path) -> None:
    pages = [ARTICLE, MENU_ONLY, PLAIN]
    source = tmp_path / "in"
    source.mkdir()
    for shard in range(2):  # one file per task
        lines = [
            {"id": f"{shard}-{i}", "text": pages[i % 3], "metadata": {"url": f"https://post.example/{shard}/{i}"}}
            for i in range(6)
        ]
        (source / f"{shard}.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(source)),
            CleanbodyStep(),
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    )
    stats = executor.run()
    step_stats = stats.stats[1]
    assert (step_stats["total"].total, step_stats["forwarded"].total, step_stats["dropped"].total) == (12, 8, 4)
    for shard in range(2):
        rows = [json.loads(line) for line in (tmp_path / "out" / f"{shard:05d}.jsonl").read_text().splitlines()]
        assert [r["id"] for r in rows] == [f"{shard}-{i}" for i in range(6) if i % 3 != 1]
        for row in rows:
            page = pages[int(row["id"].split("-")[1]) % 3]
            url = row["metadata"]["url"]
            assert row["text"] == cleanbody.clean(page, url=url).text
            meta = {k: v for k, v in row["metadata"].items() if k.startswith("cleanbody_")}
            assert meta == expected_metadata(page, url)


def test_core_import_stays_free_of_datatrove() -> None:
    code = "import sys, cleanbody\nassert 'datatrove' not in sys.modules\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
