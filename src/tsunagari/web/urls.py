from django.urls import path

from tsunagari.web.views import browse, exit, pages, results, service

app_name = "web"
urlpatterns = [
    path("", pages.home, name="home"),
    path("search/", results.results, name="search"),
    path("services/<slug:slug>/", service.service, name="service"),
    path("needs/", browse.needs, name="needs"),
    path("needs/<slug:code>/", browse.need, name="need"),
    path("life-stages/<slug:code>/", browse.stage, name="stage"),
    path("crisis/", pages.crisis, name="crisis"),
    path("safety/", pages.safety, name="safety"),
    path("kids/", pages.kids, name="kids"),
    path("leave/", exit.leave, name="leave"),
]
