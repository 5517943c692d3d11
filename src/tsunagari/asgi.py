"""ASGI entry point for `tsunagari serve` (uvicorn workers under gunicorn)."""

import os

from django.conf import settings
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tsunagari.settings")
django_application = get_asgi_application()

from tsunagari.ops.limits import cap_bodies  # noqa: E402 — after Django is set up

application = cap_bodies(
    django_application,
    public_bytes=settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
    staff_bytes=settings.MAX_UPLOAD_BYTES,
)
