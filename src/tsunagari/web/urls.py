from django.urls import path

from tsunagari.web.views import browse, exit, languages, pages, results, service

app_name = "web"
urlpatterns = [
    path("", pages.home, name="home"),
    path("search/", results.results, name="search"),
    path("services/<slug:slug>/", service.service, name="service"),
    path("needs/", browse.needs, name="needs"),
    path("needs/<slug:code>/", browse.need, name="need"),
    path("life-stages/<slug:code>/", browse.stage, name="stage"),
    path("crisis/", pages.crisis, name="crisis"),
    path("languages/", languages.index, name="languages"),
    path("languages/<slug:code>/", languages.language, name="language"),
    path("safety/", pages.safety, name="safety"),
    path("kids/", pages.kids, name="kids"),
    path("leave/", exit.leave, name="leave"),
]
