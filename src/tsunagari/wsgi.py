"""WSGI entry point for gunicorn (`tsunagari serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tsunagari.settings")
application = get_wsgi_application()
