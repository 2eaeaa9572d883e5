from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import (
    ExternalLinkElementHandler,
)

from cms.rich_text import (
    DocumentLinkHandler,
    ImageEmbedHandler,
    PageLinkElementHandler,
    PageLinkHandler,
    link_entity,
)


# After Wagtail's own registrations (order 0), so these replace them.
@hooks.register("register_rich_text_features", order=100)
def tolerate_bad_ids_in_rich_text(features):
    features.register_link_type(PageLinkHandler)
    features.register_link_type(DocumentLinkHandler)
    features.register_embed_type(ImageEmbedHandler)
    features.register_converter_rule(
        "contentstate",
        "link",
        {
            "from_database_format": {
                "a[href]": ExternalLinkElementHandler("LINK"),
                'a[linktype="page"]': PageLinkElementHandler("LINK"),
            },
            "to_database_format": {"entity_decorators": {"LINK": link_entity}},
        },
    )
