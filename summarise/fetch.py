"""Fetching an article over http(s): a timeout, a size cap and a redirect cap.

Only http and https are fetched; the page is read as bytes, never rendered. The
timeout bounds the whole download, not just each read, so a server that trickles
bytes cannot hold a run forever; a body over the cap is refused by its declared
length or stopped as soon as the cap is passed.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

from summarise import __version__
from summarise.errors import InputError

MAX_REDIRECTS = 5
_CHUNK = 64 * 1024


def _is_web(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if not _is_web(newurl):
            raise InputError(f"redirected to a non-http(s) address: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(url: str, timeout: float, max_bytes: int) -> tuple[bytes, str | None]:
    """(body, content type) of ``url``; at most ``max_bytes + 1`` bytes are read."""
    if not _is_web(url):
        raise InputError("only http:// and https:// addresses can be fetched")
    opener = urllib.request.build_opener(_LimitedRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": f"summarise/{__version__}"})
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise InputError(f"{int(declared):,} bytes, over the size limit (see --max-chars)")
            body = bytearray()
            while len(body) <= max_bytes:
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunk = response.read1(_CHUNK)  # what has arrived, not a full chunk
                if not chunk:
                    break
                body.extend(chunk)
            return bytes(body), response.headers.get("Content-Type")
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            target = urljoin(exc.url or url, (exc.headers or {}).get("Location", ""))
            if not _is_web(target):  # urllib refuses it before we see it
                raise InputError(f"redirected to a non-http(s) address: {target}") from exc
            raise InputError(f"too many redirects (more than {MAX_REDIRECTS})") from exc
        raise InputError(f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise InputError(f"timed out after {timeout:g} s") from exc
        raise InputError(f"could not fetch: {reason}") from exc
    except (socket.timeout, TimeoutError) as exc:
        raise InputError(f"timed out after {timeout:g} s") from exc
    except http.client.InvalidURL as exc:  # a space or control character, a port that is not a number
        raise InputError(f"invalid URL: {exc}") from exc
    except (OSError, ValueError) as exc:
        raise InputError(f"could not fetch: {exc}") from exc
