"""The compact, safe encoding of compiled answer parts as the build stores them.

A part (a commissioner chain, a council list, a ward, a trust role ...) is pickled with two
changes from plain pickle. Each dataclass of query/model.py is written as its class and its field
values in order (no field names, which were most of the bytes), and each Body inside a part is
written as a reference to a body stored once (``persistent_id``): a trust that serves 300
neighbourhoods is one row, not 300 copies. Reading back allows only those model classes
(``find_class``): a damaged or hostile database file can give a wrong part or an error, never run
code.
"""

from __future__ import annotations

import dataclasses
import io
import pickle
from collections.abc import Callable

from localnhs.query import model

CLASSES = {c.__name__: c for c in (model.Body, model.Successor, model.TrustRole, model.Area)}


class CodecError(ValueError):
    """A stored part could not be read back (a damaged build)."""


def _fields(obj) -> tuple:
    return tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))


class _Writer(pickle.Pickler):
    def __init__(self, file, body_id: Callable[[model.Body], int] | None):
        super().__init__(file, protocol=5)
        self._body_id = body_id

    def persistent_id(self, obj):
        if self._body_id is not None and obj.__class__ is model.Body:
            return self._body_id(obj)
        return None

    def reducer_override(self, obj):
        if obj.__class__.__name__ in CLASSES and CLASSES[obj.__class__.__name__] is obj.__class__:
            return obj.__class__, _fields(obj)
        return NotImplemented


def encode(value, body_id: Callable[[model.Body], int] | None = None) -> bytes:
    """A part's bytes; ``body_id`` gives the stored id of each Body in it (None: bodies inline)."""
    buf = io.BytesIO()
    _Writer(buf, body_id).dump(value)
    return buf.getvalue()


class _Reader(pickle.Unpickler):
    def __init__(self, file, body: Callable[[int], model.Body] | None):
        super().__init__(file)
        self._body = body

    def find_class(self, module, name):
        cls = CLASSES.get(name)
        if module != model.__name__ or cls is None:
            raise CodecError(f"a compiled part names {module}.{name}, which is not an answer class")
        return cls

    def persistent_load(self, pid):
        if self._body is None or not isinstance(pid, int):
            raise CodecError(f"a compiled part refers to body {pid!r} with no bodies to read it from")
        return self._body(pid)


def decode(data: bytes, body: Callable[[int], model.Body] | None = None):
    """The part ``encode`` wrote; ``body(id)``: the stored body of that id."""
    try:
        return _Reader(io.BytesIO(data), body).load()
    except CodecError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure to read is a damaged part
        raise CodecError(f"a compiled part could not be read ({exc.__class__.__name__}: {exc})") from None
