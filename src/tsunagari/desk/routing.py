"""WebSocket addresses of the desk (served by tsunagari.asgi next to the pages)."""

from django.urls import path

from tsunagari.desk import sockets

websocket_urlpatterns = [
    path("ws/desk/", sockets.PersonSocket.as_asgi()),
    path("ws/desk/queue/", sockets.QueueSocket.as_asgi()),
    path("ws/desk/staff/<int:pk>/", sockets.CounsellorSocket.as_asgi()),
]
