from django.urls import URLPattern, URLResolver, path

from tsunagari.measures.views import public, staff

app_name = "measures"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", public.index, name="index"),
    path("<int:number>/", public.measure, name="measure"),
    path("staff/", staff.dashboard, name="dashboard"),
    path("staff/measures/<int:number>/", staff.record, name="record"),
    path("staff/measures/<int:number>/edit/", staff.edit, name="edit"),
    path("staff/reviews/", staff.queue, name="queue"),
    path("staff/reviews/<int:pk>/decide/", staff.decide, name="decide"),
]
