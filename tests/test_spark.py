"""cleanbody.spark on a local[2] Spark session: content, row order, errors, config, imports.

Needs the extra ``cleanbody[spark]`` (pyspark, pandas, pyarrow) and Java 17+;
skipped when pyspark is not installed. ``.ci/run`` installs the extra and
runs this file on its own.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import cleanbody

pytest.importorskip("pyspark", reason="pyspark is not installed; pip install 'cleanbody[spark]' to run these tests")

from pyspark.sql import SparkSession
from pyspark.sql.functions import col

from cleanbody.spark import SCHEMA, clean_dataframe, clean_udf

pytestmark = [
    pytest.mark.spark,
    # pyspark 4.3 warns on every pandas UDF that pandas 3 is not fully supported; these tests pass with it.
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Council opens the new river bridge | Millbrook Gazette</title>
<meta name="author" content="Jane Porter">
<meta property="article:published_time" content="2024-03-18T09:00:00Z">
<meta property="og:site_name" content="Millbrook Gazette">
</head><body>
<nav class="main-menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a></div>
<article>
<h1>Council opens the new river bridge</h1>
<p>The council opened the new river bridge on Monday morning, two months ahead of schedule.</p>
<p>Hundreds of residents walked across the span before noon, and the mayor cut a ribbon at the east end.</p>
<p>Engineers said the old wooden bridge had carried traffic for ninety years and will be kept as a footpath.</p>
</article>
<footer>Copyright 2024 Millbrook Gazette. All rights reserved.</footer>
</body></html>"""
SENTENCES = (
    "The council opened the new river bridge on Monday morning, two months ahead of schedule.",
    "Hundreds of residents walked across the span before noon, and the mayor cut a ribbon at the east end.",
    "Engineers said the old wooden bridge had carried traffic for ninety years and will be kept as a footpath.",
)
FIGURE = """<html><head><title>Otters return to the Mill Stream</title></head><body>
<nav><a href="/">Home</a> <a href="/nature">Nature</a></nav>
<article><h1>Otters return to the Mill Stream</h1>
<p>A family of otters has been filmed in the Mill Stream for the first time in forty years.</p>
<figure><img src="otter.jpg"><figcaption>An otter on the bank near the old mill (Photo: Sam Reed)</figcaption></figure>
<p>Volunteers spent a decade clearing the water of rubbish and planting reeds along both banks.</p>
</article></body></html>"""
PLAIN = "Share this article\nThe plain-text scrape has one paragraph that matters.\nA second sentence keeps it company."
PAGES = (ARTICLE, FIGURE, PLAIN)


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    with pytest.MonkeyPatch.context() as env:
        # Spark starts its Python workers with `python3` from PATH unless told; that one lacks this venv.
        env.setenv("PYSPARK_PYTHON", sys.executable)
        session = (
            SparkSession.builder.master("local[2]")
            .appName("cleanbody-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            # C1 compiler only and the serial GC: the JVM starts 2-3x faster on a small, busy machine.
            .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
            # Small Arrow batches, so every partition is cleaned in several batches.
            .config("spark.sql.execution.arrow.maxRecordsPerBatch", "4")
            .getOrCreate()
        )
        yield session
        session.stop()


def expected(page: str | bytes, url: str | None = None, config: cleanbody.Config | None = None) -> dict[str, Any]:
    """The struct cleanbody.clean() gives for *page*, built from its to_dict()."""
    result = cleanbody.clean(page, url=url, config=config).to_dict()
    return {
        "text": result["text"],
        "kind": result["kind"],
        **result["metadata"],
        "captions": result["captions"],
        "removed_count": len(result["removed"]),
        "removed": [{key: r[key] for key in ("rule_id", "reason", "text")} for r in result["removed"]],
        "notes": result["notes"],
        "error": None,
    }


def test_dataframe_keeps_rows_and_matches_clean(spark: SparkSession) -> None:
    rows = [(i, PAGES[i % 3], f"https://example.org/{i}" if i % 2 else None) for i in range(30)]
    df = spark.createDataFrame(rows, "id long, html string, url string")
    out = clean_dataframe(df, url_column="url")
    assert out.columns == ["id", "html", "url", "cleanbody"]
    assert out.schema["cleanbody"].dataType == SCHEMA
    got = out.collect()
    assert [(r.id, r.html, r.url) for r in got] == rows
    for (_, page, url), row in zip(rows, got, strict=True):
        assert row.cleanbody.asDict(recursive=True) == expected(page, url)


def test_article_content_title_and_removals(spark: SparkSession) -> None:
    df = spark.createDataFrame([("a", ARTICLE, "https://gazette.example/bridge")], "id string, html string, url string")
    (row,) = clean_dataframe(df, url_column="url").select("cleanbody.*").collect()
    for sentence in SENTENCES:
        assert sentence in row.text
    for noise in ("Home", "Sport", "Share on Facebook", "Tweet this", "All rights reserved"):
        assert noise not in row.text
    assert (row.title, row.authors, row.date, row.sitename) == (
        "Council opens the new river bridge",
        ["Jane Porter"],
        "2024-03-18",
        "Millbrook Gazette",
    )
    assert (row.url, row.kind, row.language, row.error) == ("https://gazette.example/bridge", "html", "en", None)
    assert {r.rule_id for r in row.removed} >= {"nav.landmark", "share.widget"}
    assert row.removed_count == len(row.removed)
    assert any(r.rule_id == "share.widget" and "Share on Facebook" in r.text for r in row.removed)


def test_caption_kept_apart(spark: SparkSession) -> None:
    df = spark.createDataFrame([(FIGURE,)], "html string")
    (row,) = clean_dataframe(df).select("cleanbody.*").collect()
    assert "first time in forty years" in row.text
    assert "otter on the bank" not in row.text
    assert [c.asDict() for c in row.captions] == [
        {"text": "An otter on the bank near the old mill", "credit": "Photo: Sam Reed"}
    ]


def test_bad_record_gets_error_and_the_others_are_cleaned(spark: SparkSession) -> None:
    rows = [(1, ARTICLE), (2, None), (3, PLAIN)]
    got = clean_dataframe(spark.createDataFrame(rows, "id long, html string")).collect()
    assert [r.id for r in got] == [1, 2, 3]
    assert got[0].cleanbody.asDict(recursive=True) == expected(ARTICLE)
    assert got[2].cleanbody.asDict(recursive=True) == expected(PLAIN)
    failed = got[1].cleanbody.asDict()
    assert failed.pop("error") == "ValueError: the page is null"
    assert set(failed.values()) == {None}


def test_errors_raised_by_cleanbody_stay_in_their_row(spark: SparkSession) -> None:
    # An integer "URL" makes cleanbody itself raise TypeError, for every row.
    df = spark.createDataFrame([(1, ARTICLE), (2, PLAIN)], "id long, html string")
    got = df.select("id", clean_udf()(col("html"), col("id")).alias("c")).collect()
    assert [r.id for r in got] == [1, 2]
    for row in got:
        assert row.c.error.startswith("TypeError: url must be a str")
        assert row.c.text is None


def test_udf_config_binary_pages_and_sql(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, PLAIN.encode()), (2, ARTICLE.encode())], "id long, page binary")
    keep_share = cleanbody.Config(disable=frozenset({"share"}))
    got = df.select("id", clean_udf()("page").alias("default"), clean_udf(keep_share)("page").alias("kept")).collect()
    for row, page in zip(got, (PLAIN, ARTICLE), strict=True):
        assert row.default.asDict(recursive=True) == expected(page.encode())
        assert row.kept.asDict(recursive=True) == expected(page.encode(), config=keep_share)
    assert "Share this article" not in got[0].default.text
    assert got[0].kept.text.startswith("Share this article")
    assert not any(r.rule_id.startswith("share.") for r in got[1].kept.removed)

    spark.udf.register("cleanbody_clean", clean_udf())
    df.createOrReplaceTempView("pages")
    titles = spark.sql("SELECT id, cleanbody_clean(page).title AS title FROM pages ORDER BY id").collect()
    assert [(r.id, r.title) for r in titles] == [(1, None), (2, "Council opens the new river bridge")]


def test_udf_refuses_more_than_one_url_column(spark: SparkSession) -> None:
    df = spark.createDataFrame([(PLAIN, "https://a.example/", "https://b.example/")], "html string, u string, v string")
    with pytest.raises(Exception, match="at most one URL column"):
        df.select(clean_udf()("html", "u", "v")).collect()


def test_import_builds_no_spark_object_and_core_stays_free_of_pyspark() -> None:
    # A fresh interpreter with no session: importing and making a UDF must not need one
    # (a DDL-string return type or a module-level UDF would raise SESSION_OR_CONTEXT_NOT_EXISTS).
    code = (
        "import sys, cleanbody\n"
        "assert 'pyspark' not in sys.modules, 'import cleanbody pulled in pyspark'\n"
        "import cleanbody.spark\n"
        "cleanbody.spark.clean_udf(cleanbody.Config(favor='precision'))\n"
        "from pyspark import SparkContext\n"
        "assert SparkContext._active_spark_context is None\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
