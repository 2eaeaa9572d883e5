"""Rich text that refers to a page, document or image by an id that is not one (typed into
the stored HTML, posted by hand, imported) renders as a link to a missing object, as
Wagtail already does for an object that was deleted, instead of failing the page and its
edit view with a 500."""

from draftjs_exporter.dom import DOM
from wagtail.admin.rich_text.converters.contentstate import (
    link_entity as wagtail_link_entity,
)
from wagtail.admin.rich_text.converters.html_to_contentstate import (
    PageLinkElementHandler as WagtailPageLinkElementHandler,
)
from wagtail.documents.rich_text import (
    DocumentLinkHandler as WagtailDocumentLinkHandler,
)
from wagtail.images.rich_text import ImageEmbedHandler as WagtailImageEmbedHandler
from wagtail.rich_text.pages import PageLinkHandler as WagtailPageLinkHandler


def is_object_id(value):
    """Only plain digits can name a row (int() would also take "١٢", " 7" and "1_0"); the
    upper bound keeps SQLite and PostgreSQL integer columns from overflowing."""
    return (
        isinstance(value, str)
        and value.isascii()
        and value.isdigit()
        and 0 < int(value) < 2**31
    )


class MissingWhenIdIsBad:
    """For Wagtail's entity handlers: a bad id is looked up as nothing."""

    @classmethod
    def get_many(cls, attrs_list):
        good = [is_object_id(attrs.get("id")) for attrs in attrs_list]
        found = iter(
            super().get_many(
                [attrs for attrs, ok in zip(attrs_list, good, strict=True) if ok]
            )
        )
        return [next(found) if ok else None for ok in good]

    @classmethod
    def get_instance(cls, attrs):
        if not is_object_id(attrs.get("id")):
            raise cls.get_model().DoesNotExist
        return super().get_instance(attrs)

    @classmethod
    def extract_references(cls, attrs):
        if is_object_id(attrs.get("id")):
            yield from super().extract_references(attrs)


class PageLinkHandler(MissingWhenIdIsBad, WagtailPageLinkHandler):
    pass


class DocumentLinkHandler(MissingWhenIdIsBad, WagtailDocumentLinkHandler):
    pass


class ImageEmbedHandler(MissingWhenIdIsBad, WagtailImageEmbedHandler):
    pass


class PageLinkElementHandler(WagtailPageLinkElementHandler):
    """The editor opens a page link with a bad id as a broken link ("Broken link")."""

    def get_attribute_data(self, attrs):
        if not is_object_id(attrs.get("id")):
            return {"id": attrs.get("id", ""), "url": None, "parentId": None}
        return super().get_attribute_data(attrs)


def link_entity(props):
    """Saving from the editor: Wagtail's, except that a link with neither a usable page id
    nor an address (a broken one from above, or posted by hand) keeps its text and loses
    the link, where Wagtail's would fail."""
    page_id = props.get("id")
    if page_id is None and isinstance(props.get("url"), str):
        return wagtail_link_entity(props)
    if page_id is not None and is_object_id(str(page_id)):
        return wagtail_link_entity(props)
    return DOM.create_element("a", {}, props["children"])
