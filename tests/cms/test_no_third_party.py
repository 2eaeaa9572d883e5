"""Privacy rule 9: no page makes a request to another host.

Everything a browser fetches by itself (scripts, styles, images, icons, frames, fonts,
form targets) must come from the site. Plain links (<a href>) are exempt: following one is
the reader's choice. tests/e2e/test_site.py watches the real browser's requests too."""

import re
from html.parser import HTMLParser
from pathlib import Path

SELF = re.compile(r"^https?://(testserver|localhost|127\.0\.0\.1)(:\d+)?(/|$)")
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)""", re.I)
FETCHED = {"src", "srcset", "poster", "data", "background", "formaction"}

PAGES = [
    "/",
    "/en/",
    "/privacy/",
    "/toegankelijkheid/",
    "/bestaat-niet/",
    "/admin/login/",
    "/api/v1/docs/",
    "/api/v1/redoc/",
]


class FetchedUrls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self._in_style = tag == "style"
        for name, value in attrs:
            if not value:
                continue
            if (
                name in FETCHED
                or (tag == "link" and name == "href")
                or (tag == "form" and name == "action")
            ):
                self.urls += (
                    [part.strip().split(" ")[0] for part in value.split(",")]
                    if name == "srcset"
                    else [value]
                )
            elif name == "style":
                self.urls += CSS_URL.findall(value)

    def handle_data(self, data):
        if self._in_style:
            self.urls += CSS_URL.findall(data)


def foreign_references(html):
    parser = FetchedUrls()
    parser.feed(html)
    for url in parser.urls:
        external = url.startswith("//") or re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I)
        if external and not url.startswith("data:") and not SELF.match(url):
            yield url


def test_pages_fetch_only_from_the_site_itself(client, home):
    for url in PAGES:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        found = list(foreign_references(response.content.decode()))
        assert not found, f"{url} loads from other hosts: {found}"


def test_signed_in_admin_pages_fetch_only_from_the_site(admin_client, home):
    for url in ["/admin/", "/admin/pages/", "/admin/klassen/"]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        found = list(foreign_references(response.content.decode()))
        assert not found, f"{url} loads from other hosts: {found}"


def test_scanner_catches_cdns_fonts_and_frames():
    html = (
        '<script src="https://cdn.example.com/x.js"></script><link rel="stylesheet" href="//fonts.example.com/a.css">'
        '<img srcset="/a.png 1x, https://img.example.com/b.png 2x"><style>body{background:url("https://t.example.com/p.gif")}</style>'
        '<form action="https://forms.example.com/"></form><a href="https://www.rijksoverheid.nl/">link</a>'
    )
    assert list(foreign_references(html)) == [
        "https://cdn.example.com/x.js",
        "//fonts.example.com/a.css",
        "https://img.example.com/b.png",
        "https://t.example.com/p.gif",
        "https://forms.example.com/",
    ]


def test_own_stylesheets_load_nothing_from_elsewhere():
    for css in Path(__file__).resolve().parents[2].glob("*/static/**/*.css"):
        external = [
            url
            for url in CSS_URL.findall(css.read_text())
            if re.match(r"^(https?:)?//", url)
        ]
        assert not external, css
