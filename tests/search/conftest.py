"""Services as they appear in the directory, for ranking tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import create_service
from tsunagari.directory.importer import import_path
from tsunagari.directory.models import Service


@pytest.fixture
def directory(db: None) -> list[Service]:
    """The bundled directory plus lines that also speak of いじめ, 死にたい and DV."""
    import_path(Path(settings.DATA_DIR) / "directory")
    return [
        create_service(
            "extra-jinken-line",
            name="こどもの人権110番",
            name_en="Children's Human Rights Hotline",
            description="いじめや虐待など、こどもの人権に関わる悩みを法務局の職員や人権擁護委員が"
            "電話で聞きます。",
            description_en="Bullying, abuse and other human rights worries of children.",
            needs=("human-rights", "bullying", "child-abuse"),
            audiences=("child",),
            keywords=["人権", "いじめ"],
            phones=("0120-007-110",),
            hours=(("MO,TU,WE,TH,FR", "08:30", "17:15"),),
            holidays="closed",
        ),
        create_service(
            "extra-mini-letter",
            name="こどもの人権SOSミニレター",
            description="いじめや虐待など、誰にも言えない悩みを手紙で相談できます。",
            needs=("bullying", "child-abuse", "child-worries"),
            methods=("letter",),
            audiences=("child",),
        ),
        create_service(
            "extra-inochi-line",
            name="いのちの電話",
            description="死にたいほどつらい気持ちを、ボランティアの相談員が聞きます。",
            description_en="Volunteers listen when you feel like dying.",
            needs=("crisis", "loneliness"),
            crisis_line=True,
            phones=("0570-783-556",),
            hours=(("MO,TU,WE,TH,FR,SA,SU", "10:00", "22:00"),),
        ),
        create_service(
            "extra-dv-line",
            name="DV相談ナビ",
            description="配偶者やパートナーからの暴力に悩む人を、最寄りの相談窓口につなぎます。",
            description_en="Connects people facing domestic violence to the nearest centre.",
            needs=("dv",),
            phones=("#8008",),
        ),
        create_service(
            "extra-yorisoi",
            name="よりそいホットライン",
            description="どんな人の、どんな悩みにも寄り添って話を聞く電話です。",
            needs=("loneliness", "poverty"),
        ),
    ]
