from django import template
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's live children marked "show in menus": navigation is content."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return Page.objects.none()
    return site.root_page.get_children().live().in_menu().specific()


@register.simple_tag(takes_context=True)
def translated_url(context, language_code):
    """The current page in another interface language (/privacy/ <-> /en/privacy/), always
    as a path on this host. A request for //evil.example/ (a 404) must not link to
    evil.example: browsers read a leading // or /// as "another host follows", so leading
    slashes collapse to one (get_full_path already escapes backslashes)."""
    request = context.get("request")
    if request is None:
        return "/"
    path = "/" + request.get_full_path().lstrip("/")
    url = translate_url(path, language_code)
    if url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return url
    return translate_url("/", language_code)


@register.simple_tag(takes_context=True)
def content_lang(context, page):
    """Mark Dutch content inside an English interface, so screen readers switch voice."""
    active = context.get("LANGUAGE_CODE") or get_language()
    code = page.locale.language_code
    return format_html(' lang="{}"', code) if code != active else ""
