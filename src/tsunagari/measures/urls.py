from django.urls import URLPattern, URLResolver, path

from tsunagari.measures.views import public, reporting, staff

app_name = "measures"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", public.index, name="index"),
    path("<int:number>/", public.measure, name="measure"),
    path("staff/", staff.dashboard, name="dashboard"),
    path("staff/measures/<int:number>/", staff.record, name="record"),
    path("staff/measures/<int:number>/edit/", reporting.edit, name="edit"),
    path("staff/damaged/", reporting.damaged, name="damaged"),
    path("staff/reviews/", reporting.queue, name="queue"),
    path("staff/reviews/<int:pk>/", reporting.submission, name="submission"),
    path("staff/reviews/<int:pk>/approve/", reporting.approve, name="approve"),
    path("staff/reviews/<int:pk>/return/", reporting.send_back, name="return"),
]
