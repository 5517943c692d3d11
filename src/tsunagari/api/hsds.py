"""/api/hsds: the directory as an Open Referral HSDS 3.0 API."""

from ninja import NinjaAPI

hsds_api = NinjaAPI(
    title="tsunagari HSDS API",
    version="3.0",
    urls_namespace="api-hsds",
    docs_url=None,
    description="Open Referral Human Services Data Specification 3.0 views of the directory.",
)
