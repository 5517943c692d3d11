"""ASGI entry point for `tsunagari serve` (uvicorn workers under gunicorn): pages over
HTTP, the consultation desk's live chat over WebSocket (Django Channels)."""

import os

from django.conf import settings
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tsunagari.settings")
django_application = get_asgi_application()

# After Django is set up: these import models.
from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from tsunagari.desk.routing import websocket_urlpatterns  # noqa: E402
from tsunagari.ops.limits import cap_bodies, deadline_bodies  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": deadline_bodies(
            cap_bodies(
                django_application,
                public_bytes=settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
                staff_bytes=settings.MAX_UPLOAD_BYTES,
            ),
            public_seconds=settings.BODY_SECONDS,
            staff_seconds=settings.UPLOAD_SECONDS,
        ),
        # Same-origin only (a page of another site cannot open a person's chat), and the
        # session and the staff login as the pages have them.
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
