"""One module per official dataset of sources/registry.py, named by the dataset's id: its
``load(ctx)`` reads that dataset's files (with the parsers in ``sources/``), logs them, and
writes its rows, or adds them to the tables several datasets fill together (store/staging.py).
The registry names each module's ``load`` and what it needs first; the build runs them in the
order that gives.
"""
