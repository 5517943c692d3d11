"""Retention (保存期間): a conversation and its messages are deleted DESK_RETENTION_DAYS
after it ended (and an abandoned open one after as long without activity). Its tally stays;
its referrals stay until the receiver has ended them, then go after the same period.
Run by the scheduled job desk-retention; safe to run twice."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from tsunagari.desk.models import Conversation, Referral, ReferralStatus


def delete_expired() -> int:
    limit = timezone.now() - datetime.timedelta(days=settings.DESK_RETENTION_DAYS)
    expired = Conversation.objects.filter(
        Q(ended_at__lt=limit) | Q(ended_at=None, last_activity_at__lt=limit)
    )
    deleted, _per_model = expired.delete()
    # A referral outlives its conversation until the receiver ends it (or it was refused).
    ended = [ReferralStatus.CLOSED, ReferralStatus.DECLINED, ReferralStatus.REFUSED]
    done = Referral.objects.filter(status__in=ended, conversation=None, proposed_at__lt=limit)
    gone, _per_model = done.delete()
    return deleted + gone
