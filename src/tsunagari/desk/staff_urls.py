from django.urls import URLPattern, path

from tsunagari.desk.views import counsellor, receiver

app_name = "desk_staff"
urlpatterns: list[URLPattern] = [
    path("", counsellor.queue, name="queue"),
    path("shift/", counsellor.shift_page, name="shift"),
    path("<int:pk>/", counsellor.case, name="case"),
    path("<int:pk>/claim/", counsellor.claim, name="claim"),
    path("<int:pk>/reply/", counsellor.reply, name="reply"),
    path("<int:pk>/transfer/", counsellor.transfer, name="transfer"),
    path("<int:pk>/close/", counsellor.close, name="close"),
    path("<int:pk>/refer/", counsellor.refer, name="refer"),
    path("referrals/", receiver.inbox, name="referrals"),
    path("referrals/<int:pk>/", receiver.detail, name="referral"),
    path("referrals/<int:pk>/answer/", receiver.answer, name="answer"),
]
