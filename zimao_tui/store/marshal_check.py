"""Checking marshal data before ``marshal.loads`` trusts the sizes written in it.

marshal allocates what a length field asks for before it reads the items: the five bytes
``(\\xff\\xff\\xff\\x7f`` in a damaged or crafted report cache make it build a tuple of 2^31
items (a MemoryError at start-up, or gigabytes taken first). ``plausible`` walks the stream
without building anything and accepts only the types our caches write (tuples, strings,
bytes, ints, None, booleans and back-references), with every length no larger than the bytes
left (all values still to read together, since each takes a byte at least) and every
back-reference to an object already read. Whatever passes makes
``marshal.loads`` allocate at most a small multiple of the file's size; the caller still
checks the loaded structure's shape.
"""

from __future__ import annotations

import marshal
from typing import Any

_FLAG_REF = 0x80
_NO_PAYLOAD = frozenset(b"NFT")
_FIXED = {ord("i"): 4, ord("g"): 8}
_SIZED = frozenset(b"suatA")  # 4-byte length, then that many bytes
_SHORT = frozenset(b"zZ")  # 1-byte length, then that many bytes


def plausible(data: bytes) -> bool:
    """True when ``data`` is one marshalled value of the supported types, exactly filling it."""
    size = len(data)
    pos = 0
    pending = 1  # values still to read
    refs = 0  # values flagged for back-references so far
    while pending:
        if pos >= size:
            return False
        code = data[pos]
        pos += 1
        pending -= 1
        if code & _FLAG_REF:
            refs += 1
            code &= ~_FLAG_REF
        if code in _CONTAINERS:
            pos, count = _items(data, pos, code)
            if count < 0 or pending + count > size - pos:  # each value takes a byte at least
                return False
            pending += count
        elif code == _REF:
            pos = _reference(data, pos, refs)
        else:
            pos = _skip(data, pos, code)
        if not 0 <= pos <= size:
            return False
    return pos == size


_CONTAINERS = frozenset(b"()")  # tuple (4-byte count), small tuple (1-byte count)
_REF = ord("r")


def _field(data: bytes, pos: int, width: int) -> int | None:
    """The signed little-endian field of ``width`` bytes at ``pos``, None past the end."""
    if pos + width > len(data):
        return None
    return int.from_bytes(data[pos : pos + width], "little", signed=True)


def _items(data: bytes, pos: int, code: int) -> tuple[int, int]:
    """A tuple's header: (position after it, item count), the count -1 if it is unreadable."""
    width = 4 if code == ord("(") else 1
    count = _field(data, pos, width)
    return pos + width, -1 if count is None else count


def _reference(data: bytes, pos: int, refs: int) -> int:
    """Past a back-reference, -1 unless it points to one of the ``refs`` values already read."""
    index = _field(data, pos, 4)
    return pos + 4 if index is not None and 0 <= index < refs else -1


def _skip(data: bytes, pos: int, code: int) -> int:
    """Past a scalar value's payload, -1 for a type our caches never write (code objects,
    dicts, sets, floats) or a negative length."""
    if code in _NO_PAYLOAD:
        return pos
    if code in _FIXED:
        return pos + _FIXED[code]
    if code == ord("l"):  # long: signed digit count, then 2 bytes a digit
        digits = _field(data, pos, 4)
        return -1 if digits is None else pos + 4 + 2 * abs(digits)
    if code in _SIZED or code in _SHORT:
        width = 4 if code in _SIZED else 1
        length = _field(data, pos, width)
        return -1 if length is None or length < 0 else pos + width + length
    return -1


def loads_checked(data: bytes) -> Any:
    """``marshal.loads`` of data that passed ``plausible``; ValueError for data that did not."""
    if not plausible(data):
        raise ValueError("not marshal data of the types our caches write")
    return marshal.loads(data)
