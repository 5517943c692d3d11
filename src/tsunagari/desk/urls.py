from django.urls import URLPattern, path

from tsunagari.desk.views import person

app_name = "desk"
urlpatterns: list[URLPattern] = [
    path("", person.start_page, name="start"),
    path("start/", person.start, name="open"),
    path("return/", person.come_back, name="return"),
    path("chat/", person.chat, name="chat"),
    path("chat/send/", person.send, name="send"),
    path("chat/end/", person.end, name="end"),
    path("chat/since/", person.since, name="since"),
    path("chat/copy/", person.copy, name="copy"),
    path("chat/consent/", person.consent, name="consent"),
    path("chat/area/", person.area, name="area"),
]
