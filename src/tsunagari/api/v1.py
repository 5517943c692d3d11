"""/api/v1: tsunagari's own JSON API. OpenAPI at /api/v1/openapi.json."""

from ninja import NinjaAPI

api_v1 = NinjaAPI(
    title="tsunagari API",
    version="1",
    urls_namespace="api-v1",
    docs_url=None,  # the interactive docs load scripts from a CDN: a third-party request
    description="Support directory, navigator, priority plan and survey results.",
)
api_v1.add_router("/", "tsunagari.api.services.router")
api_v1.add_router("/", "tsunagari.api.navigate.router")
api_v1.add_router("/measures", "tsunagari.api.measures.router")
api_v1.add_router("/", "tsunagari.api.platform.router")
api_v1.add_router("/", "tsunagari.api.platform.results_router")
