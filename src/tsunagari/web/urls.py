from django.contrib.auth import views as auth_views
from django.urls import path

from tsunagari.web.views import pages

app_name = "web"
urlpatterns = [
    path("", pages.home, name="home"),
    path("staff/login/", auth_views.LoginView.as_view(), name="login"),
    path("staff/logout/", auth_views.LogoutView.as_view(), name="logout"),
]
