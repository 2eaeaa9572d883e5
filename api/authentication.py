"""Personal API keys: django-rest-knox's tokens, stored as a digest and expiring."""

import re

from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from knox.settings import knox_settings
from rest_framework.exceptions import AuthenticationFailed

HEX = re.compile(rb"[0-9a-f]+")


class TokenAuthentication(KnoxTokenAuthentication):
    """knox's, refusing anything that is not one of its keys before it is looked up: knox
    decodes the header as UTF-8 unguarded (a 500 for other bytes), and PostgreSQL cannot
    compare a string with a NUL in it."""

    def authenticate_credentials(self, token):
        if len(token) != knox_settings.AUTH_TOKEN_CHARACTER_LENGTH or not (
            HEX.fullmatch(token)
        ):
            raise AuthenticationFailed(_("Invalid token."))
        return super().authenticate_credentials(token)


class TokenScheme(KnoxTokenScheme):
    target_class = "api.authentication.TokenAuthentication"
    name = "tokenAuth"
