"""cleanbody: clean article text and metadata from scraped pages, with a
report of everything removed and why."""

import logging

from cleanbody._api import Cleaner, clean
from cleanbody.batch import clean_many
from cleanbody.config import Config
from cleanbody.model import Caption, CleanResult, Metadata, Removal

__all__ = ["Caption", "CleanResult", "Cleaner", "Config", "Metadata", "Removal", "clean", "clean_many"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
