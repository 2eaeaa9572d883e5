"""The language switch links to the same page in the other language, always on our own
host (finding 12 of issue 13: on a 404 for //evil.example/ it linked to evil.example)."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []
        self.switch = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if "hreflang" in attrs:
            self.switch.append(attrs["href"])


def links_of(response):
    parser = Links()
    parser.feed(response.content.decode())
    return parser


def hrefs(response):
    return links_of(response).hrefs


def on_our_host(href):
    """Where a browser goes: it reads a backslash as a slash and two or more slashes at the
    start as "another host follows"."""
    if href.startswith(("mailto:", "#")):
        return True
    path = href.replace("\\", "/")
    return (
        path.startswith("/") and not path.startswith("//") and not urlsplit(path).netloc
    )


@pytest.mark.parametrize(
    "path",
    [
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "//evil.example/lessen/",
        "/en//evil.example/x",
        "/en/\\/evil.example/x",
        "/%2F%2Fevil.example/",
        "/lessen//evil.example/",
    ],
)
def test_every_link_of_a_404_stays_on_our_host(client, home, path):
    response = client.get("/", PATH_INFO=path)
    assert response.status_code == 404
    links = hrefs(response)
    assert len(links) >= 6  # the brand, the menu, the language switch, the footer
    assert [href for href in links if not on_our_host(href)] == []
    assert any(
        href in ("/", "/en/") or href.startswith(("/en/", "/")) for href in links
    )


def test_the_switch_keeps_a_normal_path_and_its_query(client, library):
    links = hrefs(client.get("/lessen/?thema=rust&groep=groep-1-2"))
    assert "/en/lessen/?thema=rust&groep=groep-1-2" in links
    links = hrefs(client.get("/en/bestaat-niet/"))
    assert "/bestaat-niet/" in links
