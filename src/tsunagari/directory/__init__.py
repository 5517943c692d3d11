"""支援窓口のディレクトリ (HSDS 3.0): organizations, services, phones, schedules, areas."""
