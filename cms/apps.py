from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("site")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from cms.middleware import bump_page_cache_version

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(bump_page_cache_version, dispatch_uid=f"page-cache-{signal}")
        post_delete.connect(
            bump_page_cache_version, sender=Page, dispatch_uid="page-cache-delete"
        )
