"""localnhs: who runs the NHS where I live, how the pieces fit together, and how to get a say."""

__version__ = "0.1.0"
