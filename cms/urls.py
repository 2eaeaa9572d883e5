from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.views import healthz, healthz_worker
from schools.teaching.login import SignInView

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("healthz/worker", healthz_worker, name="healthz-worker"),
    # Wagtail's sign-in, leading each person to where they work (schools.teaching.login).
    path("admin/login/", SignInView.as_view(), name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("api/v1/", include("api.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Dutch at unprefixed URLs, English under /en/. Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path("", include("schools.runs.urls")),
    path("", include("schools.checkins.urls")),
    path("", include("schools.teaching.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
