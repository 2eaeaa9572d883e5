"""Personal API keys, made and revoked by the coordinator herself in the admin. Only a
digest of each key is stored (django-rest-knox), so a new key is shown once: in the answer
to the request that made it."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from knox.models import AuthToken
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from schools.results import viewer_for, viewer_for_request


def api_token(request):
    if viewer_for(request.user) is None:
        raise PermissionDenied
    new_key = None
    if request.method == "POST":
        if request.POST.get("action") == "create":
            _token, new_key = AuthToken.objects.create(user=request.user)
        else:
            deleted, _rows = AuthToken.objects.filter(
                user=request.user, token_key=request.POST.get("key", "")
            ).delete()
            if deleted:
                messages.success(request, _("The key has been revoked."))
            return redirect("api_token")
    response = TemplateResponse(
        request,
        "api/api_token.html",
        {
            "new_key": new_key,
            "tokens": AuthToken.objects.filter(user=request.user).order_by("-created"),
            "now": timezone.now(),
            "days": settings.API_TOKEN_DAYS,
            "results_url": request.build_absolute_uri(reverse("api:results")),
        },
    )
    add_never_cache_headers(response)  # the page that shows a new key, above all
    return response


@hooks.register("register_admin_urls")
def register_token_url():
    return [path("api-sleutel/", api_token, name="api_token")]


class TokenMenuItem(MenuItem):
    def is_shown(self, request):
        return viewer_for_request(request) is not None


@hooks.register("register_admin_menu_item")
def register_token_menu_item():
    return TokenMenuItem(_("API key"), reverse("api_token"), icon_name="key", order=900)
