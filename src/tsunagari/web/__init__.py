"""Public pages, base templates, static files, accessibility, i18n."""
