"""The one rule for a client's address, used by the sign-in lockout (django-axes, through
AXES_CLIENT_IP_CALLABLE) and by the throttles (schools.checkins.throttling.client_key).

Each of our NUM_PROXIES reverse proxies appends the address it saw to X-Forwarded-For, so
the client's address is the NUM_PROXIES-th entry from the right. Everything to its left came
from the client and is ignored. Without proxies (0) the header is ignored altogether: a
client must not choose the address she is counted under."""

from types import SimpleNamespace

from django.conf import settings
from ipware.ip import get_client_ip


def client_address(request):
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.NUM_PROXIES
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = header.split(",")
    if not proxies or not header or len(entries) < proxies:
        return remote  # not through all our proxies: the connection's own address
    # Cut off the client's part before ipware parses the rest: its parser honours quotes,
    # so a client's `"x, ` would swallow the entries our proxies appended after it.
    appended = ",".join(entries[-proxies:])
    address, _routable = get_client_ip(
        SimpleNamespace(META={"HTTP_X_FORWARDED_FOR": appended}),
        proxy_count=proxies - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=True,
    )
    return address or remote
