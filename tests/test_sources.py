"""Reading inputs: decoding, binary detection, HTML, directories and URLs."""

from __future__ import annotations

import os
import socket
from pathlib import Path, PurePosixPath

import pytest

from summarise.errors import InputError
from summarise.sources import Source, decode_bytes, expand_inputs, looks_like_html, read_source

TEXT = "The minister said the “café” plan would cost €5 million — a record."


def file_source(path: Path) -> Source:
    return Source("file", str(path), PurePosixPath(path.name))


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]),
        TEXT.encode("utf-32"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-bom"],
)
def test_unicode_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


def test_windows_1252_is_detected() -> None:
    text = (
        "The council’s decision was criticised by residents, who said the café on the "
        "square had been open since 1921. “It is a scandal,” said one neighbour. " * 3
    )
    assert decode_bytes(text.encode("cp1252")) == text


def test_latin_1_is_detected() -> None:
    text = "Le ministre a déclaré que la réforme était nécessaire pour l'économie française. " * 4
    assert decode_bytes(text.encode("latin-1")) == text


def test_line_endings_are_normalised_and_stray_nul_bytes_dropped() -> None:
    assert decode_bytes(b"One line.\r\nTwo\x00 lines.\rThree.") == "One line.\nTwo lines.\nThree."


@pytest.mark.parametrize(
    "data, what",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x1f\x8b\x08\x00" + bytes(200), "gzip"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_binary_files_are_refused_with_a_reason(data: bytes, what: str) -> None:
    with pytest.raises(InputError, match=what):
        decode_bytes(data)


def test_empty_and_blank_files_are_refused(tmp_path: Path) -> None:
    for name, content in [("empty.txt", b""), ("blank.txt", b" \n\t\n  ")]:
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(InputError, match="empty"):
            read_source(file_source(path))


def test_over_long_article_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 10_000)
    with pytest.raises(InputError, match="max-chars"):
        read_source(file_source(path), max_chars=1_000)


def test_html_is_reduced_to_the_article_text(tmp_path: Path) -> None:
    paragraph = "The city council voted on Tuesday to close the old harbour bridge to cars. " * 3
    html = f"""<!DOCTYPE html><html><head><title>Bridge closes</title>
    <script>var tracker = "do not show me";</script></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <div class="cookie-banner">We use cookies to improve your experience.</div>
    <article><h1>Bridge closes</h1><p>{paragraph}</p>
    <p>"It is no longer safe," the mayor said at a news conference in the town hall on Tuesday.</p></article>
    <footer>Copyright 2026</footer></body></html>"""
    for name in ("page.html", "page.txt"):  # by extension, then by sniffing the first tag
        path = tmp_path / name
        path.write_text(html)
        article = read_source(file_source(path))
        assert "harbour bridge" in article.text
        assert "tracker" not in article.text and "cookies" not in article.text.lower()


def test_html_detection() -> None:
    assert looks_like_html("a.htm", None, b"plain")
    assert looks_like_html("-", "text/html; charset=utf-8", b"")
    assert looks_like_html("-", None, b"  <!doctype html><p>x")
    assert not looks_like_html("a.txt", None, b"He said <b> is a tag.")
    assert not looks_like_html("a.html", "text/plain", b"<html>")


def test_directories_are_walked_recursively_by_pattern(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ["a.txt", "b.md", "sub/c.html", "sub/d.htm", "e.csv", ".hidden/f.txt", ".g.txt"]:
        (tmp_path / name).write_text("x")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")  # a symlink loop is not followed
    found = list(expand_inputs([str(tmp_path)]))
    assert [s.relative.as_posix() for s in found] == ["a.txt", "b.md", "sub/c.html", "sub/d.htm"]
    only_csv = list(expand_inputs([str(tmp_path)], ("*.csv",)))
    assert [s.relative.as_posix() for s in only_csv] == ["e.csv"]


def test_fifos_and_sockets_in_a_directory_are_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.txt"))
    (tmp_path / "real.txt").write_text("x")
    try:
        assert [s.name for s in expand_inputs([str(tmp_path)])] == [str(tmp_path / "real.txt")]
    finally:
        sock.close()


def test_missing_inputs_become_errors_in_place(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("x")
    items = list(expand_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "ok.txt"), "-"]))
    assert isinstance(items[0], InputError) and items[0].source.endswith("nope.txt")
    assert [i.kind for i in items[1:]] == ["file", "stdin"]


def test_empty_directory_is_an_error(tmp_path: Path) -> None:
    (items,) = list(expand_inputs([str(tmp_path)]))
    assert isinstance(items, InputError) and "no files matching" in str(items)


def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = tmp_path / "secret.txt"
    path.write_text("text")
    path.chmod(0)
    with pytest.raises(InputError, match="permission"):
        read_source(file_source(path))


def test_url_text_and_html(http_server) -> None:
    base, routes = http_server
    routes["/story.txt"] = (200, "text/plain; charset=windows-1252", "Caf\u00e9 owners said prices rose.".encode("cp1252"))
    routes["/story"] = (200, "text/html", b"<html><body><article><p>" + b"Officials said the dam had failed after heavy rain. " * 4 + b"</p></article></body></html>")
    text = read_source(Source("url", f"{base}/story.txt", PurePosixPath("x"))).text
    assert text == "Café owners said prices rose."
    html = read_source(Source("url", f"{base}/story", PurePosixPath("x"))).text
    assert "dam had failed" in html and "<p>" not in html


@pytest.mark.parametrize(
    "path, message",
    [("/missing", "HTTP 404"), ("/loop", "redirect"), ("/slow", "timed out")],
)
def test_url_failures_are_input_errors(http_server, path: str, message: str) -> None:
    base, _ = http_server
    with pytest.raises(InputError, match=message):
        read_source(Source("url", base + path, PurePosixPath("x")), timeout=0.5)


def test_unreachable_url_and_other_schemes(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed once we leave: nothing listens there
    with pytest.raises(InputError, match="could not fetch"):
        read_source(Source("url", f"http://127.0.0.1:{port}/", PurePosixPath("x")), timeout=2)
    with pytest.raises(InputError, match="only http"):
        read_source(Source("url", "file:///etc/passwd", PurePosixPath("x")))


def test_url_size_is_capped(http_server) -> None:
    base, routes = http_server
    routes["/huge"] = (200, "text/plain", b"a" * 50_000)
    with pytest.raises(InputError, match="max-chars"):
        read_source(Source("url", f"{base}/huge", PurePosixPath("x")), max_chars=1_000)


def test_a_page_of_navigation_only_has_no_article_text(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text('<html><head><script>var x="a long sentence said the man."</script></head>'
                    "<body><nav>Home | World</nav></body></html>")
    with pytest.raises(InputError, match="no article text found in the HTML"):
        read_source(Source("file", str(path), PurePosixPath(path.name)))


def test_file_extensions_match_in_any_case(tmp_path: Path) -> None:
    for name in ["STORY.TXT", "Page.HTML", "notes.Md", "data.CSV"]:
        (tmp_path / name).write_text("x")
    found = [s.relative.as_posix() for s in expand_inputs([str(tmp_path)])]
    assert found == ["Page.HTML", "STORY.TXT", "notes.Md"]
