"""The site's own pages: home, privacy statement and accessibility statement, in B1 Dutch.
Their words are data (cms/content/*.toml); this module puts them in the page tree."""

import tomllib
from pathlib import Path

from wagtail.models import Page, Site

from cms.models import HomePage, SiteSettings, StandardPage

CONTENT = Path(__file__).resolve().parent.parent / "content"


def content(name):
    """A page's content from cms/content/<name>.toml: its fields, and its body as a list
    of (block type, value) that the page's stream block validates when saved."""
    with open(CONTENT / f"{name}.toml", "rb") as file:
        spec = tomllib.load(file)
    spec["body"] = [
        (block.pop("type"), block or None) for block in spec.get("body", [])
    ]
    return spec


def load_site(*, contact_email="lesseningeluk@denhelder.example"):
    """Create or update the home page, the statements and the site settings. Idempotent."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    spec = content("home")
    if home is None:
        home = root.add_child(instance=HomePage(slug="start", **_page_fields(spec)))
    else:
        _update(home, spec)
    site = Site.objects.filter(is_default_site=True).first() or Site(
        is_default_site=True
    )
    site.hostname, site.port, site.site_name, site.root_page = (
        "localhost",
        80,
        "Lessen in geluk",
        home,
    )
    site.save()
    # Wagtail's own welcome page is not ours to keep.
    Page.objects.filter(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    ).exclude(pk=home.pk).delete()

    for spec in (content("privacy"), content("accessibility")):
        page = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            home.add_child(
                instance=StandardPage(slug=spec["slug"], **_page_fields(spec))
            )
        else:
            _update(page, spec)

    site_settings = SiteSettings.for_site(site)
    site_settings.organisation = "Gemeente Den Helder, samen met Schagen en Texel"
    site_settings.contact_email = contact_email
    site_settings.save()
    return home


def _page_fields(spec):
    return {key: value for key, value in spec.items() if key != "slug"}


def _update(page, spec):
    for key, value in _page_fields(spec).items():
        setattr(page, key, value)
    page.save_revision().publish()
