from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, path

from tsunagari.staff import views

app_name = "staff"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-factor/", views.second_factor, name="two_factor"),
    path("audit/", views.audit_log, name="audit"),
]
