"""Japanese text analysis and the search index over the directory.

For other apps:
- `engine.search(query, Filters(...), limit=, offset=, now=)` → `Results` of `Hit`s (id, slug,
  score, the words that matched and where); `engine.rebuild_index()`.
- `params.build_filters(needs=, audiences=, methods=, languages=, area=, open_now=)` checks
  codes and resolves an area (code, postcode, name) into `Filters`, raising `FilterError`
  naming the parameter.
- `summary.result_page(results, now, limit, offset)`: the JSON answer of /api/v1/services
  (cards stored in the index, open now and stale worked out at `now`); `summary.detail`.
- `analysis` / `words`: normalisation and the words search matches on.
The index follows the directory by itself (signals, freshness check); see `index`.
"""
