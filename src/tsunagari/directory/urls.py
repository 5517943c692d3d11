from django.urls import URLPattern, path

from tsunagari.directory import views

app_name = "directory"
urlpatterns: list[URLPattern] = [
    path("", views.staleness_page, name="staleness"),
]
