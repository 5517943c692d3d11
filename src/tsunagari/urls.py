"""URL map. Public and staff pages are Japanese at / and English under /en/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("api/", include("tsunagari.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("tsunagari.web.urls")),
    path("navigator/", include("tsunagari.navigator.urls")),
    path("plan/", include("tsunagari.measures.urls")),
    path("staff/surveys/", include("tsunagari.surveys.urls")),
    prefix_default_language=False,
)

handler403 = "tsunagari.web.views.errors.forbidden"
handler404 = "tsunagari.web.views.errors.not_found"
handler500 = "tsunagari.web.views.errors.server_error"
