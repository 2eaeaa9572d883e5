from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=120)

    class Meta:
        icon = "title"
        template = "cms/blocks/heading_block.html"
        label = _("heading")
        description = _("A section heading (level 2).")
        preview_value = {"text": "Wat is Lessen in geluk?"}


class ParagraphBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "pilcrow"
        template = "cms/blocks/paragraph_block.html"
        label = _("paragraph")
        description = _("Running text with bold, italic, links and lists.")
        preview_value = {"text": "<p>Een korte alinea in eenvoudige taal.</p>"}


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "info-circle"
        template = "cms/blocks/callout_block.html"
        label = _("callout")
        description = _("A highlighted box for something readers must not miss.")
        preview_value = {
            "title": "Goed om te weten",
            "text": "<p>Leerlingen hebben geen account nodig.</p>",
        }


class PrivacyRulesBlock(blocks.StaticBlock):
    """Who sees what, how figures are perturbed and how long tokens are kept, from the
    settings the code runs with: a statement that quotes numbers cannot then disagree."""

    def get_context(self, value, parent_context=None):
        from schools.results import rules_in_force

        context = super().get_context(value, parent_context=parent_context)
        context["rules"] = rules_in_force()
        return context

    class Meta:
        icon = "lock"
        template = "cms/blocks/privacy_rules_block.html"
        label = _("privacy rules")
        admin_text = _(
            "Shows the privacy rules in force: thresholds, perturbation, retention."
        )


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    privacy_rules = PrivacyRulesBlock()
