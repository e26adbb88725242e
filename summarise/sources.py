"""Where articles come from: files, directories, stdin and http(s) URLs.

Each input becomes an ``Article`` of decoded, newline-normalised text; HTML is
reduced to the article's own text. Anything that is not a readable article
raises ``InputError`` with a reason a user can act on.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Iterator
from urllib.parse import urlsplit

from summarise.brief import Article
from summarise.errors import InputError

DEFAULT_GLOBS = ("*.txt", "*.md", "*.html", "*.htm")
DEFAULT_MAX_CHARS = 500_000
DEFAULT_TIMEOUT = 20.0
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

# Signatures of common binary formats, so the error can say what the file is.
_MAGIC = (
    (b"%PDF", "a PDF file (not supported: extract its text first, e.g. with pdftotext)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"RIFF", "a media file"),
    (b"ID3", "an MP3 file"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_HTML_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


@dataclass(frozen=True)
class Source:
    """One input to summarise. ``name`` is how it is shown and recorded in output;
    ``relative`` is the part used to name its output file."""

    kind: str  # "file", "url" or "stdin"
    name: str
    relative: PurePosixPath


def expand_inputs(
    inputs: list[str], globs: tuple[str, ...] = DEFAULT_GLOBS
) -> Iterator[Source | InputError]:
    """Turn the command-line inputs into sources, walking directories.

    A missing path yields an ``InputError`` in its place, so that the other
    inputs of the run are still summarised.
    """
    for item in inputs:
        if item == "-":
            yield Source("stdin", "-", PurePosixPath("stdin"))
        elif re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", item):
            try:
                yield Source("url", item, _url_relative(item))
            except ValueError as exc:  # "http://[::1", "http://host:port/"
                yield error_for(InputError(f"invalid URL: {exc}"), item)
        elif os.path.isdir(item):
            found = False
            for path in _walk(Path(item), globs):
                found = True
                if isinstance(path, InputError):  # an unreadable folder or file: an error in its place
                    yield path
                else:
                    yield Source("file", str(path), PurePosixPath(path.relative_to(item).as_posix()))
            if not found:
                yield error_for(InputError(f"no files matching {' '.join(globs)}"), item)
        elif os.path.lexists(item):
            yield Source("file", item, PurePosixPath(Path(item).name))
        else:
            yield error_for(InputError("no such file or directory"), item)


def error_for(error: InputError, name: str) -> InputError:
    """Tag an error with the input it belongs to, so a batch reports it in that input's place."""
    error.source = name  # type: ignore[attr-defined]
    return error


def _walk(root: Path, globs: tuple[str, ...]) -> Iterator[Path | InputError]:
    """Regular files under ``root`` matching ``globs`` (in any case), sorted, hidden entries skipped.

    Symlinked directories are not followed, so a link loop cannot trap the walk;
    FIFOs, sockets, devices, dangling links and link loops are skipped (reading them could block,
    or there is nothing to read). A folder that cannot be listed, or a matching file that cannot
    even be looked at, is an ``InputError`` in its place, and the walk goes on.
    """
    unreadable: list[OSError] = []
    for directory, subdirs, files in os.walk(root, followlinks=False, onerror=unreadable.append):
        yield from _walk_errors(unreadable, root)  # os.walk reports a folder just before the next one
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            # case-insensitive: STORY.TXT and Page.HTML are articles too
            if name.startswith(".") or not any(fnmatch.fnmatchcase(name.lower(), g.lower()) for g in globs):
                continue
            path = Path(directory) / name
            try:
                regular = stat.S_ISREG(path.stat().st_mode)
            except (FileNotFoundError, NotADirectoryError):
                continue  # a dangling link, or gone since it was listed
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    continue
                yield _unreadable(exc, str(path))
                continue
            if regular:
                yield path
    yield from _walk_errors(unreadable, root)


def _walk_errors(errors: list[OSError], root: Path) -> Iterator[InputError]:
    while errors:
        error = errors.pop(0)
        yield _unreadable(error, error.filename or str(root))


def _unreadable(error: OSError, name: str) -> InputError:
    if isinstance(error, PermissionError):
        return error_for(InputError("permission denied"), os.fspath(name))
    return error_for(InputError(f"cannot read: {error.strerror or error}"), os.fspath(name))


def _url_relative(url: str) -> PurePosixPath:
    """The output name of a URL; ValueError for an address no request could be made to."""
    parts = urlsplit(url)
    parts.port  # noqa: B018 — raises ValueError for a port that is not a number in range
    return PurePosixPath(parts.netloc.replace(":", "_")) / (parts.path.strip("/") or "index")


def read_source(
    source: Source,
    stdin: BinaryIO | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    timeout: float = DEFAULT_TIMEOUT,
) -> Article:
    """Read and decode one source into an Article."""
    if source.kind == "row":  # a table row (--text-field) carries its text already
        from summarise.tabular import row_article

        return row_article(source, max_chars)  # type: ignore[arg-type]
    max_bytes = max_chars * 4 + 4
    content_type = None
    if source.kind == "stdin":
        if stdin is None:
            raise InputError("no standard input")
        data = stdin.read(max_bytes + 1)
    elif source.kind == "url":
        from summarise.fetch import fetch_url

        data, content_type = fetch_url(source.name, timeout=timeout, max_bytes=max_bytes)
    else:
        data = _read_file(source.name, max_bytes)
    if len(data) > max_bytes:
        raise InputError(f"larger than the limit of {max_chars:,} characters (see --max-chars)")
    text = decode_bytes(data, content_type)
    if looks_like_html(source.name, content_type, data):
        title, text = html_to_text(text)
    else:
        title = None
    check_article_text(text, max_chars)
    return Article(text=text, source=source.name, title=title)


def check_article_text(text: str, max_chars: int) -> None:
    """The rules every article's decoded text is held to, whatever it came from."""
    if len(text) > max_chars:
        raise InputError(f"{len(text):,} characters, over the limit of {max_chars:,} (see --max-chars)")
    if not text.strip():
        raise InputError("empty article")


def _read_file(path: str, max_bytes: int) -> bytes:
    try:
        with _open_without_blocking(path) as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise InputError("no such file (it may have been deleted)") from exc
    except IsADirectoryError as exc:
        raise InputError("is a directory") from exc
    except PermissionError as exc:
        raise InputError("permission denied") from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc


def _open_without_blocking(path: str) -> BinaryIO:
    """Open for reading without waiting for a writer: a FIFO nobody writes to reads as empty
    instead of hanging the run, while ``<(command)`` pipes still read normally."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def decode_bytes(data: bytes, content_type: str | None = None) -> str:
    """Decode article bytes: BOMs first, then UTF-8, a declared charset, then detection."""
    for signature, description in _MAGIC:
        if data.startswith(signature):
            raise InputError(f"binary file: {description}")
    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    if text is None:
        text = _decode_without_bom(data, content_type)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if _control_share(text) > 0.05:
        raise InputError("binary file: not text")
    return text


def _decode_without_bom(data: bytes, content_type: str | None) -> str:
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    if data.count(b"\x00") > max(8, len(data) // 100):
        raise InputError("binary file: it contains NUL bytes")
    data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        damaged = _damaged_utf8(data)
        if damaged is not None:
            return damaged
    declared = _charset(content_type)
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("binary file: no text encoding fits it")
    return str(best)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: a NUL in (nearly) every other byte, on one side only."""
    half = len(data) // 2
    if half < 8:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > 0.9 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.9 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few corrupt bytes (a damaged or truncated file), decoded with U+FFFD for them.

    Legacy-encoded text (Latin-1, Windows-1252) almost never holds a valid multi-byte UTF-8
    sequence, so it needs at least as many valid ones as bad bytes to count as UTF-8.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    good = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
    return text if 0 < bad <= good else None


def _charset(content_type: str | None) -> str | None:
    match = re.search(r"charset=[\"']?([\w.-]+)", content_type or "", re.I)
    return match.group(1) if match else None


def _control_share(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    controls = sum(
        1 for ch in sample if ch not in "\n\t\f\v" and unicodedata.category(ch) in ("Cc", "Cs", "Co")
    )
    return controls / len(sample)


def looks_like_html(name: str, content_type: str | None, data: bytes) -> bool:
    """HTML by content type, by file extension, or by its first tag."""
    if content_type:
        return "html" in content_type.lower()
    if PurePosixPath(name).suffix.lower() in HTML_SUFFIXES:
        return True
    return bool(_HTML_SNIFF.match(data[:2048].lstrip(b"\xef\xbb\xbf")))


def html_to_text(html: str) -> tuple[str | None, str]:
    """(title, article text) of an HTML page; navigation, scripts and banners are dropped."""
    import trafilatura

    from summarise.language import has_sentence

    result = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or not has_sentence(text):  # "Home | World": navigation is not an article
        raise InputError("no article text found in the HTML")
    title = getattr(result, "title", None)
    return title, text.replace("\r\n", "\n")
