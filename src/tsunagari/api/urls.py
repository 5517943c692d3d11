from django.urls import path

from tsunagari.api.hsds import hsds_api
from tsunagari.api.v1 import api_v1

urlpatterns = [
    path("v1/", api_v1.urls),
    path("hsds/", hsds_api.urls),
]
