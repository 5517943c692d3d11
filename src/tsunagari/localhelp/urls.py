from django.urls import URLPattern, path

from tsunagari.localhelp import views

app_name = "localhelp"
urlpatterns: list[URLPattern] = [
    path("", views.home, name="home"),
    path("template.<str:kind>", views.download_template, name="template"),
    path("upload/", views.upload, name="upload"),
    path("proposals/<int:pk>/", views.proposal_page, name="proposal"),
    path("proposals/<int:pk>/submit/", views.submit, name="submit"),
    path("proposals/<int:pk>/<str:step>/", views.decide, name="decide"),
    path("entries/<slug:slug>/", views.edit, name="edit"),
]
