"""WARC archives (.warc, .warc.gz) → one Document per HTML response record, via warcio.

The page goes through the same HTML path as a .html file (trafilatura finds the article body). The URL is
the record's WARC-Target-URI; the publication date is the page's own, else the capture date (WARC-Date).
Records that are not HTML responses (requests, metadata, images, scripts) are passed over in silence; an
HTML response that cannot be read (an error status, no article body) is a Skip naming its record.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from claimledger.errors import InputError

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(target: str, options=None) -> Iterator:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from claimledger.ingest import readers

    options = options or readers.ReadOptions()
    found = 0
    try:
        _check_signature(target)
        with Path(target).open("rb") as stream:
            number = 0
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if _is_html_response(record):
                    found += 1
                    yield _record_document(record, target, number, options)
                elif _missing_bytes(record):
                    yield readers.Skip(target, number, "record is cut short: the archive is truncated")
        if target.lower().endswith(".gz") and not _gzip_complete(target):
            # warcio stops in silence at a compressed record cut off: the page in it is not stored
            yield readers.Skip(target, number + 1, "the archive is truncated: its last record is cut off")
    except OSError as exc:
        raise InputError(target, f"cannot be read: {exc.strerror or exc}") from None
    except ArchiveLoadFailed as exc:
        raise InputError(target, f"not a readable WARC archive ({exc.msg})") from None
    except (EOFError, zlib.error) as exc:
        raise InputError(target, f"WARC archive is truncated or corrupt ({exc})") from None
    if not found:
        yield readers.Skip(target, None, "WARC archive holds no HTML response records")


def _check_signature(target: str) -> None:
    """warcio reads nearly any text as an old-style ARC file; a WARC record starts with "WARC/"."""
    import gzip
    import zlib

    with Path(target).open("rb") as stream:
        head = stream.read(64 * 1024)
    if not head:
        raise InputError(target, "empty: no WARC records to read")
    if head[:2] == b"\x1f\x8b":  # gzip: each record is its own member; the first one's start is enough
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 16)
        except (zlib.error, gzip.BadGzipFile) as exc:
            raise InputError(target, f"not a readable WARC archive (broken gzip data: {exc})") from None
    if not head.startswith(b"WARC/"):
        raise InputError(target, "not a readable WARC archive (does not start with a WARC/1.x record header)")


def _gzip_complete(target: str) -> bool:
    """Whether every gzip member of the file ends (a cut archive's last one does not)."""
    decompressor = zlib.decompressobj(wbits=31)
    pending = False  # the current member has begun and not ended
    with Path(target).open("rb") as stream:
        while chunk := stream.read(1024 * 1024):
            data = chunk
            while data:
                pending = True
                try:
                    decompressor.decompress(data, 1024 * 1024)  # bounded output: the text is not needed
                except zlib.error:
                    return False
                data = decompressor.unconsumed_tail
                if decompressor.eof:
                    data = decompressor.unused_data + data
                    decompressor, pending = zlib.decompressobj(wbits=31), False
    return not pending


def _missing_bytes(record) -> int:
    """Bytes of a record's declared length (Content-Length) that the archive does not hold."""
    raw = record.raw_stream
    while raw.read(64 * 1024):  # what the page's reader left unread (a body past the article limit ...)
        pass
    return max(0, getattr(raw, "limit", 0))


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return content_type in HTML_TYPES


def _record_document(record, origin: str, number: int, options):
    from claimledger.ingest import readers

    url = record.rec_headers.get_header("WARC-Target-URI")
    status = record.http_headers.get_statuscode()
    if not status.startswith("2"):
        return readers.Skip(origin, number, f"response for {url} has HTTP status {status}, not a page")
    try:
        raw = record.content_stream().read(options.max_bytes + 1)  # undoes chunked and gzip transfer coding
    except (OSError, EOFError, zlib.error) as exc:  # a compressed body cut off or corrupt
        return readers.Skip(origin, number, f"page {url} cannot be read: the archive is truncated or corrupt "
                                            f"({exc})")
    if len(raw) > options.max_bytes:
        return readers.Skip(origin, number, f"page {url} is over the {options.max_bytes}-byte article limit")
    missing = _missing_bytes(record)
    if missing:  # the archive ends inside this record: the page is cut, not stored as if whole
        return readers.Skip(origin, number, f"page {url} is cut short: the archive is truncated "
                                            f"({missing} bytes of the record missing)")
    result = readers.article_from_bytes(raw, f"{origin} record {number}", "html", options)
    if isinstance(result, readers.Skip):
        return readers.Skip(origin, number, f"{url}: {result.reason}")
    result.url = result.url or url
    result.published = result.published or record.rec_headers.get_header("WARC-Date")
    return result
