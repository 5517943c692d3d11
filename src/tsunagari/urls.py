"""URL map. Public and staff pages are Japanese at / and English under /en/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.generic import RedirectView

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("api/", include("tsunagari.api.urls")),
    path("", include("tsunagari.ops.urls")),
    # A /ja/ address (typed, or shared from another site's habit) finds the Japanese page.
    re_path(r"^ja/(?P<rest>.*)$", RedirectView.as_view(url="/%(rest)s", query_string=True)),
]

urlpatterns += i18n_patterns(
    path("", include("tsunagari.web.urls")),
    path("navigator/", include("tsunagari.navigator.urls")),
    path("desk/", include("tsunagari.desk.urls")),
    path("plan/", include("tsunagari.measures.urls")),
    path("", include("tsunagari.platform.urls")),
    path("staff/surveys/", include("tsunagari.surveys.urls")),
    path("staff/directory/", include("tsunagari.directory.urls")),
    path("staff/desk/", include("tsunagari.desk.staff_urls")),
    path("staff/local/", include("tsunagari.localhelp.urls")),
    path("staff/", include("tsunagari.staff.urls")),
    prefix_default_language=False,
)

handler400 = "tsunagari.web.views.errors.bad_request"
handler403 = "tsunagari.web.views.errors.forbidden"
handler404 = "tsunagari.web.views.errors.not_found"
handler500 = "tsunagari.web.views.errors.server_error"
