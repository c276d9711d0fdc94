"""localnhs: who runs the NHS where I live, how the pieces fit together, and how to get a say."""

__version__ = "0.1.0"


def enrich(frame, postcode_col: str = "postcode", as_of=None, fields=None, db=None):
    """Add NHS geography to a pandas or polars DataFrame (or Arrow table) of postcodes.

    Returns the same kind of frame, every row in order, with ``status`` (ok, invalid, not_found,
    terminated, outside_england), the postcode columns and, for each date in ``as_of`` (default
    today and 2016-04-01), the codes and names suffixed with the date (``icb_2016_04_01``).
    ``fields`` picks columns (see ``localnhs.export.ALL_FIELDS``); ``db`` the database file.
    """
    from localnhs.enrichment import enrich_frame

    return enrich_frame(frame, postcode_col=postcode_col, as_of=as_of, fields=fields, db=db)
