"""Clean a Spark DataFrame of pages with cleanbody (extra ``cleanbody[spark]``).

The result is one struct column, :data:`SCHEMA`, so the input's own columns
(ids, WARC headers) stay untouched beside it. A page that cannot be cleaned
gets a struct whose ``error`` says why, with every other field null: one bad
record never fails the job.

The work runs in a pandas UDF rather than ``mapInPandas``: the two measured
the same here, but a UDF ships only the page and URL columns to Python (the
other columns stay in the JVM) and fits in ``select``/``withColumn`` like any
other column expression.

No UDF is made at import time and the return type is a ``StructType``
object, not a DDL string (parsing one needs a live session), so this module
imports on executors and on a driver that has no session yet.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import pandas as pd
from pyspark.sql import Column, DataFrame
from pyspark.sql.functions import col, pandas_udf
from pyspark.sql.types import ArrayType, IntegerType, StringType, StructField, StructType

from cleanbody._api import Cleaner
from cleanbody.config import Config
from cleanbody.input import InputKind
from cleanbody.model import CleanResult

if TYPE_CHECKING:
    from pyspark.sql._typing import UserDefinedFunctionLike

_CAPTION = StructType([StructField("text", StringType()), StructField("credit", StringType())])
_REMOVAL = StructType(
    [StructField("rule_id", StringType()), StructField("reason", StringType()), StructField("text", StringType())]
)

#: The struct each page is cleaned into. ``removed`` keeps rule, reason and
#: text of each removal (no offsets: they point into a working text that is
#: not kept); ``removed_count`` is its length, for cheap filtering. On a page
#: that failed, ``error`` is ``"ExceptionType: message"`` and the rest is null.
SCHEMA = StructType(
    [
        StructField("text", StringType()),
        StructField("kind", StringType()),
        StructField("title", StringType()),
        StructField("authors", ArrayType(StringType())),
        StructField("date", StringType()),
        StructField("sitename", StringType()),
        StructField("url", StringType()),
        StructField("description", StringType()),
        StructField("language", StringType()),
        StructField("page_type", StringType()),
        StructField("captions", ArrayType(_CAPTION)),
        StructField("removed_count", IntegerType()),
        StructField("removed", ArrayType(_REMOVAL)),
        StructField("notes", ArrayType(StringType())),
        StructField("error", StringType()),
    ]
)
_FIELDS = SCHEMA.fieldNames()


def clean_udf(config: Config | None = None, *, kind: InputKind = "auto") -> UserDefinedFunctionLike:
    """Make a pandas UDF that cleans a page column into a :data:`SCHEMA` struct.

    Call it with the page column (string or binary) and optionally a URL
    column: ``clean_udf()(col("html"), col("url"))``. A factory, not a
    module-level UDF, so that each call carries its own config to the
    executors and nothing needs a Spark session before the caller has one.
    """
    cleaner = Cleaner(config)

    def clean_pages(pages: pd.Series, *urls: pd.Series) -> pd.DataFrame:
        if len(urls) > 1:
            raise TypeError(f"the cleanbody UDF takes a page column and at most one URL column, got {1 + len(urls)}")
        url_values = urls[0] if urls else [None] * len(pages)
        rows = [_clean_row(cleaner, page, url, kind) for page, url in zip(pages, url_values, strict=True)]
        return pd.DataFrame(rows, columns=_FIELDS, index=pages.index)

    # pyspark's stubs have no overload for a struct returned from *args Series (unused where pyspark is absent).
    return pandas_udf(clean_pages, returnType=SCHEMA)  # type: ignore[call-overload, unused-ignore]


def clean_dataframe(
    df: DataFrame,
    column: str = "html",
    url_column: str | None = None,
    config: Config | None = None,
    *,
    kind: InputKind = "auto",
) -> DataFrame:
    """Return *df* with a ``cleanbody`` struct column (:data:`SCHEMA`) made from *column*.

    Rows, their order and the other columns are kept; read the results with
    ``df.select("id", "cleanbody.text", "cleanbody.title")``.
    """
    args: list[Column] = [col(column)] if url_column is None else [col(column), col(url_column)]
    return df.withColumn("cleanbody", clean_udf(config, kind=kind)(*args))


def _clean_row(cleaner: Cleaner, page: object, url: object, kind: InputKind) -> tuple[Any, ...]:
    """One page's struct as a tuple in :data:`SCHEMA` order; failures become an ``error``."""
    try:
        if _is_null(page):
            raise ValueError("the page is null")
        result = cleaner.clean(page, url=None if _is_null(url) else url, kind=kind)  # type: ignore[arg-type]
    except Exception as err:  # a bad record must not fail the whole Spark job
        return (*[None] * (len(_FIELDS) - 1), f"{type(err).__name__}: {err}")
    return _result_row(result)


def _result_row(result: CleanResult) -> tuple[Any, ...]:
    """The row in :data:`SCHEMA` order, each field read by its name from ``to_dict()``."""
    data = result.to_dict()
    flat = {
        **data,
        **data["metadata"],
        "removed_count": len(result.removed),
        "removed": [{key: r[key] for key in ("rule_id", "reason", "text")} for r in data["removed"]],
        "error": None,
    }
    return tuple(flat[name] for name in _FIELDS)


def _is_null(value: object) -> bool:
    """Spark nulls reach pandas as None, or as NaN in a float or pandas-3 string column."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
