"""Production settings with two additions: the benchmark's URLs (a no-database ceiling
view and a bare one-INSERT view) and throttle rates out of the way."""

import os

from cms.settings.base import *  # noqa: F403
from cms.settings.base import REST_FRAMEWORK

ROOT_URLCONF = "bench.urls"

# The benchmarks measure the app, not the throttle: every request of the load client comes
# from one address. The throttle itself still runs on every request (a cache read and
# write, as in production); a one-second window keeps its per-client history as short as
# production's 600/minute keeps it, where a minute-long window would grow it to every
# request of the last minute (tens of thousands of timestamps, read and written each time).
# bench/load.py keeps production's rates (BENCH_PRODUCTION_THROTTLES=1): its pupils come
# from their schools' own addresses (X-Forwarded-For, DJANGO_NUM_PROXIES=1).
if os.environ.get("BENCH_PRODUCTION_THROTTLES") != "1":
    REST_FRAMEWORK = {
        **REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            "pupils": "1000000/second",
            "results": "1000000/second",
        },
    }
