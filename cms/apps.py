from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("site")

    def ready(self):
        from django.db import transaction
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from cms.middleware import bump_page_cache_version

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(bump_page_cache_version, dispatch_uid=f"page-cache-{signal}")
        post_delete.connect(
            bump_page_cache_version, sender=Page, dispatch_uid="page-cache-delete"
        )
        # Restricting a page (or lifting it) changes who may see it and the listings
        # that show it; no publish signal says so.
        for signal in (post_save, post_delete):
            signal.connect(
                bump_page_cache_version,
                sender=PageViewRestriction,
                dispatch_uid=f"page-cache-restriction-{signal}",
            )
        m2m_changed.connect(
            bump_page_cache_version,
            sender=PageViewRestriction.groups.through,
            dispatch_uid="page-cache-restriction-groups",
        )
        # A lesson page lists its documents (title, size) as far as their collections'
        # restrictions let the reader see them: a changed document or restriction is a
        # changed page.
        from wagtail.documents import get_document_model
        from wagtail.models import CollectionViewRestriction

        for sender in (get_document_model(), CollectionViewRestriction):
            for signal in (post_save, post_delete):
                signal.connect(
                    bump_page_cache_version,
                    sender=sender,
                    dispatch_uid=f"page-cache-{sender.__name__}-{signal}",
                )
        m2m_changed.connect(
            bump_page_cache_version,
            sender=CollectionViewRestriction.groups.through,
            dispatch_uid="page-cache-collection-restriction-groups",
        )
        # A collection moved under a restricted one (the admin saves, then moves it with
        # treebeard, which sends no signal) or deleted: stale now, and once more when the
        # change is committed, so that no page rendered in between stays.
        from wagtail.models import Collection

        def collection_changed(**kwargs):
            bump_page_cache_version()
            transaction.on_commit(bump_page_cache_version)

        for signal in (post_save, post_delete):
            signal.connect(
                collection_changed,
                sender=Collection,
                weak=False,
                dispatch_uid=f"page-cache-collection-{signal}",
            )
