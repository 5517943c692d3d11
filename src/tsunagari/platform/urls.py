from django.urls import URLPattern, URLResolver, path

from tsunagari.platform.feeds import NewsFeed
from tsunagari.platform.views import events, practice, public, results, reviewing, staff

app_name = "platform"
urlpatterns: list[URLPattern | URLResolver] = [
    path("platform/", public.index, name="index"),
    path("platform/coverage.csv", public.coverage_csv, name="coverage_csv"),
    path("platform/p/<slug:slug>/", public.platform, name="platform"),
    path("platform/organisations/<int:pk>/", public.profile, name="profile"),
    path("platform/practice/", practice.library, name="practice"),
    path("platform/practice/<int:pk>/", practice.case, name="case"),
    path("platform/events/", events.events, name="events"),
    path("platform/events/<int:pk>/", events.event, name="event"),
    path("platform/events/<int:pk>/sign-up/", events.sign_up, name="sign_up"),
    path("news/", public.news_list, name="news_list"),
    path("news/feed/", NewsFeed(), name="news_feed"),
    path("news/<int:pk>/", public.news, name="news"),
    path("results/", results.results, name="results"),
    path("staff/platform/", staff.dashboard, name="staff"),
    path("staff/platform/join/", staff.join, name="join"),
    path("staff/platform/profile/", staff.edit_profile, name="edit_profile"),
    path("staff/platform/<slug:kind>/new/", staff.edit_post, name="new_post"),
    path("staff/platform/<slug:kind>/<int:pk>/", staff.edit_post, name="edit_post"),
    path("staff/platform/events/<int:pk>/completed/", staff.completed, name="completed"),
    path("staff/platform/reviews/", reviewing.queue, name="queue"),
    path("staff/platform/reviews/<slug:kind>/<int:pk>/", reviewing.decide, name="decide"),
    path("staff/platform/surveys/", reviewing.survey_approvals, name="survey_approvals"),
    path(
        "staff/platform/surveys/<int:pk>/<slug:step>/",
        reviewing.survey_decision,
        name="survey_decision",
    ),
]
