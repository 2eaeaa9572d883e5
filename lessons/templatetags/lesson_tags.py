from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def icon(name, label="", size=24):
    """An icon from our own sprite. Decorative unless it has a label: text next to it
    always carries the meaning too."""
    href = f"{static('lessons/icons.svg')}#{name}"
    if label:
        return format_html(
            '<svg class="icon" width="{}" height="{}" role="img" aria-label="{}"><use href="{}"></use></svg>',
            size,
            size,
            label,
            href,
        )
    return format_html(
        '<svg class="icon" width="{}" height="{}" aria-hidden="true" focusable="false"><use href="{}"></use></svg>',
        size,
        size,
        href,
    )
