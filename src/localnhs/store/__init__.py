"""The only layer that knows SQL: schema, build (sources -> SQLite), import log, reads."""
