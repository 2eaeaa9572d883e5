"""gunicorn settings for production: `gunicorn -c python:cms.gunicorn cms.wsgi`.

The access log leaves out the client address (%(h)s) and the user agent: pupils' requests
must not be logged with anything that could point at a child or a device."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
accesslog = "-"
access_log_format = '"%(r)s" %(s)s %(b)s %(M)sms'
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
