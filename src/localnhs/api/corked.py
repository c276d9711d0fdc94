"""A transport that sends what one turn of the event loop wrote to it in one system call.

uvicorn writes a response's status line and headers, then its body, as two `transport.write`
calls; on an idle socket each is its own `send()` and its own TCP segment, which the client reads
separately. For a cached answer (a ~27 KB JSON body) those two sends were ~11% of the server's
time. CorkedTransport keeps the writes of one turn and sends them joined on the next (call_soon),
before any other callback that was not already waiting; everything else is the real transport's.
"""

from __future__ import annotations


class CorkedTransport:
    __slots__ = ("_transport", "_loop", "_held", "_scheduled")

    def __init__(self, transport, loop):
        self._transport, self._loop = transport, loop
        self._held: list[bytes] = []
        self._scheduled = False

    def write(self, data) -> None:
        if not data:
            return
        self._held.append(bytes(data))
        if not self._scheduled:
            self._scheduled = True
            self._loop.call_soon(self.flush)

    def writelines(self, chunks) -> None:
        for chunk in chunks:
            self.write(chunk)

    def flush(self) -> None:
        self._scheduled = False
        if self._held:
            data = self._held[0] if len(self._held) == 1 else b"".join(self._held)
            self._held.clear()
            if not self._transport.is_closing():
                self._transport.write(data)

    def close(self) -> None:
        self.flush()  # what was written before the close still goes out
        self._transport.close()

    def abort(self) -> None:
        self._held.clear()
        self._transport.abort()

    def get_write_buffer_size(self) -> int:
        return self._transport.get_write_buffer_size() + sum(map(len, self._held))

    def __getattr__(self, name):
        return getattr(self._transport, name)
