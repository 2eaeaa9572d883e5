"""Personal API tokens, made and revoked by the coordinator herself in the admin."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken.models import Token
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from schools.results import viewer_for, viewer_for_request


def api_token(request):
    if viewer_for(request.user) is None:
        raise PermissionDenied
    if request.method == "POST":
        Token.objects.filter(user=request.user).delete()
        if request.POST.get("action") == "create":
            Token.objects.create(user=request.user)
        return redirect("api_token")
    token = Token.objects.filter(user=request.user).first()
    return TemplateResponse(
        request,
        "api/api_token.html",
        {
            "token": token,
            "results_url": request.build_absolute_uri(reverse("api:results")),
        },
    )


@hooks.register("register_admin_urls")
def register_token_url():
    return [path("api-sleutel/", api_token, name="api_token")]


class TokenMenuItem(MenuItem):
    def is_shown(self, request):
        return viewer_for_request(request) is not None


@hooks.register("register_admin_menu_item")
def register_token_menu_item():
    return TokenMenuItem(_("API key"), reverse("api_token"), icon_name="key", order=900)
