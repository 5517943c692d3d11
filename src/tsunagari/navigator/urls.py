from django.urls import URLPattern, URLResolver

app_name = "navigator"
urlpatterns: list[URLPattern | URLResolver] = []
