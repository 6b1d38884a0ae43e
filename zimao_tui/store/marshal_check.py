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
        if code in _NO_PAYLOAD:
            continue
        if code in _FIXED:
            pos += _FIXED[code]
        elif code == ord("l"):  # long: signed digit count, then 2 bytes a digit
            if pos + 4 > size:
                return False
            pos += 4 + 2 * abs(int.from_bytes(data[pos : pos + 4], "little", signed=True))
        elif code in _SIZED or code in _SHORT:
            width = 4 if code in _SIZED else 1
            if pos + width > size:
                return False
            length = int.from_bytes(data[pos : pos + width], "little", signed=True)
            if length < 0:
                return False
            pos += width + length
        elif code in (ord("("), ord(")")):
            width = 4 if code == ord("(") else 1
            if pos + width > size:
                return False
            count = int.from_bytes(data[pos : pos + width], "little", signed=True)
            pos += width
            if count < 0 or pending + count > size - pos:  # each value takes a byte at least
                return False
            pending += count
        elif code == ord("r"):
            if pos + 4 > size:
                return False
            index = int.from_bytes(data[pos : pos + 4], "little", signed=True)
            pos += 4
            if not 0 <= index < refs:
                return False
        else:
            return False  # code objects, dicts, sets, floats we never write: not ours
        if pos > size:
            return False
    return pos == size
