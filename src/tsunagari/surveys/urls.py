from django.urls import URLPattern, URLResolver, path, register_converter

from tsunagari.surveys.views import charts, evaluation, trends, years


class ChartFormat:
    regex = "png|svg"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ChartFormat, "chartformat")

app_name = "surveys"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", years.index, name="index"),
    path("upload/", years.upload, name="upload"),
    path("audit/", years.audit_log, name="audit"),
    path("<int:pk>/", years.year, name="year"),
    path("<int:pk>/delete/", years.delete, name="delete"),
    path("<int:pk>/estimates.csv", years.estimates_csv_download, name="year-csv"),
    path("<int:pk>/estimates.json", years.estimates_json_download, name="year-json"),
    path(
        "<int:pk>/charts/<slug:indicator>/<str:breakdown>.<chartformat:fmt>",
        charts.year_chart,
        name="year-chart",
    ),
    path("trends/<slug:series>/", trends.trends, name="trends"),
    path("trends/<slug:series>/trend.csv", trends.trends_csv, name="trends-csv"),
    path(
        "trends/<slug:series>/<slug:indicator>.<chartformat:fmt>",
        charts.trend_chart,
        name="trend-chart",
    ),
    path("evaluate/", evaluation.evaluation, name="evaluate"),
    path("evaluate/demo/", evaluation.demo, name="evaluate-demo"),
]
