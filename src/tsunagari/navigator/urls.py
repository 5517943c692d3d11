from django.urls import URLPattern, URLResolver, path

from tsunagari.navigator import views

app_name = "navigator"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.chat, name="chat"),
    path("clear/", views.clear, name="clear"),
    path("print/", views.print_view, name="print"),
]
