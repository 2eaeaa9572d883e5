from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("site")

    def ready(self):
        for signal, sender, receiver in page_cache_staleness():
            signal.connect(
                receiver,
                sender=sender,
                weak=False,
                dispatch_uid=f"page-cache-{id(signal)}-{sender and sender.__name__}",
            )


def page_cache_staleness():
    """What makes the cached copies of pages stale: (signal, sender or None, receiver).

    - publishing, unpublishing, moving and deleting a page;
    - restricting a page or lifting it (who may see it, and the listings that show it);
    - a document, or a collection's restriction: a lesson page lists its documents (title,
      size) as far as their collections' restrictions let the reader see them;
    - a collection saved or deleted: the admin saves it, then moves it under a restricted
      one with treebeard, which sends no signal; stale now, and once more when the change
      is committed, so that no page rendered in between stays;
    - a user saved or deleted (switched off, a new password): her sessions no longer get
      the staff's copy unchecked (cms.middleware._vouched_for)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        Page,
        PageViewRestriction,
    )
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from cms.middleware import bump_page_cache_version as bump
    from cms.middleware import forget_staff_member

    def now_and_on_commit(**kwargs):
        bump()
        transaction.on_commit(bump)

    saved_or_deleted = (post_save, post_delete)
    return [
        *((signal, None, bump) for signal in (page_published, page_unpublished)),
        (post_page_move, None, bump),
        (post_delete, Page, bump),
        *((signal, PageViewRestriction, bump) for signal in saved_or_deleted),
        (m2m_changed, PageViewRestriction.groups.through, bump),
        *((signal, get_document_model(), bump) for signal in saved_or_deleted),
        *((signal, CollectionViewRestriction, bump) for signal in saved_or_deleted),
        (m2m_changed, CollectionViewRestriction.groups.through, bump),
        *((signal, Collection, now_and_on_commit) for signal in saved_or_deleted),
        *(
            (signal, get_user_model(), forget_staff_member)
            for signal in saved_or_deleted
        ),
    ]
