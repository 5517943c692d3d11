from tsunagari.apps_base import TsunagariApp


class OpsConfig(TsunagariApp):
    """Running in production: request ids and error logs, health and metrics, scheduled jobs."""

    name = "tsunagari.ops"
    label = "ops"
    verbose_name = "運用"

    def ready(self) -> None:
        from django.core.signals import got_request_exception
        from django.db.models.signals import post_migrate

        from tsunagari.ops import errors, jobs

        got_request_exception.connect(errors.log_unhandled, dispatch_uid="ops-log-unhandled")
        post_migrate.connect(jobs.on_migrated, dispatch_uid="ops-schedule-jobs")
