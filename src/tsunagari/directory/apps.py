from tsunagari.apps_base import TsunagariApp


class DirectoryConfig(TsunagariApp):
    name = "tsunagari.directory"
    label = "directory"
