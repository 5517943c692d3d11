"""Crisis detection: direct and indirect words, slang, English, someone else, danger now;
hyperbole and ordinary talk do not raise it; it never raises an exception."""

from __future__ import annotations

import pytest

from tsunagari.navigator.crisis import SOMEONE_ELSE, detect, label

SUICIDAL = [
    "死にたい",
    "もう死にたい",
    "しにたい",
    "シニタイ",
    "ｼﾆﾀｲ",
    "タヒにたい",
    "氏にたい",
    "し に た い",
    "し・に・た・い",
    "しにたーい",
    "死にてえ",
    "死にたくなる",
    "死のうかな",
    "死ぬしかない",
    "死んだほうがましだ",
    "自殺したい",
    "自殺の方法を調べた",
    "じさつしたい",
    "消えたい",
    "消えてしまいたい",
    "きえたい",
    "いなくなりたい",
    "生きていたくない",
    "もう生きたくない",
    "もういきたくない",
    "生きる意味がない",
    "生きてる価値ない",
    "生きるのがつらい",
    "生まれてこなければよかった",
    "明日が来なければいい",
    "目が覚めなければいいのに",
    "もう全部終わりにしたい",
    "人生を終わらせたい",
    "いっそ楽になりたい",
    "希死念慮がある",
    "shinitai",
    "I want to die",
    "i wanna die",
    "I want to kill myself",
    "thinking about suicide",
    "I feel suicidal",
    "I don't want to live anymore",
    "I want to end my life",
    "I'm going to end it all",
    "kms",
    "もう死ぬ",
    "kieteshimaitai",
    "shinitai kamo",
    "jisatsu shitai",
]
SELF_HARM = [
    "リスカした",
    "リストカットがやめられない",
    "アムカしちゃう",
    "自傷がやめられない",
    "手首を切った",
    "自分を傷つけてしまう",
    "I cut myself",
    "self-harm",
]
OVERDOSE = [
    "薬をたくさん飲んでしまった",
    "睡眠薬を全部飲んだ",
    "市販薬をまとめて飲んだ",
    "ODした",
    "オーバードーズしちゃった",
    "薬を30錠飲んだ",
    "睡眠薬をためている",
    "I took too many pills",
    "overdose",
    "I'm going to take all my pills tonight",
    "thinking of swallowing the whole bottle of pills",
    "I took 30 sleeping pills",
]
MEANS_AND_PLACES = [
    "遺書を書いた",
    "練炭を買った",
    "首を吊りたい",
    "飛び降りたい",
    "電車に飛び込みたい",
    "今、橋の上にいる",
    "ビルの屋上にいる",
    "はしのうえにいる",
    "I'm standing on the bridge",
    "学校の屋上から飛びたい",
]
DANGER = [
    "殺される",
    "夫に殺されそう",
    "刺された",
    "今殴られている",
    "いま夫に殴られてる",
    "包丁を向けられた",
    "首を絞められた",
    "He is going to kill me",
]
# Written after the first lists, as a person might put it, to check the rules generalise.
MORE_WAYS_OF_SAYING_IT = [
    "もう無理。消えよう",
    "生きてても仕方ない",
    "いっそ死んだら楽かな",
    "死んでお詫びしたい",
    "死ぬ勇気もない",
    "明日学校の窓から飛び降りる",
    "ホームで電車を待ってたら吸い込まれそうになった",
    "線路に入りたくなる",
    "橋から下を見てた",
    "遺書っぽいもの書いた",
    "お別れの手紙を書いた",
    "今までありがとう。さようなら",
    "しにたいしにたいしにたい",
    "もうつかれた。いなくなりたい",
    "タヒりたい",
    "しんどい…楽になりたい…限界",
    "自分を殴ってしまう",
    "壁に頭を打ちつけてしまう",
    "薬を貯めてる",
    "首に紐をかけてみた",
    "練炭 買った",
    "硫化水素の作り方",
    "生きてる意味ある？",
    "死にたみが深い",
    "希死念慮がひどい",
    "私なんていないほうがいい",
    "生まれてきてごめんなさい",
    "永遠に眠りたい",
    "どうやったら死ねる？",
    "楽な死に方",
    "飛び込み 駅",
    "i wanna die lol",
    "I don't want to be here anymore",
    "I'm thinking about killing myself",
    "i cut myself again last night",
    "my mom keeps saying she wants to die",
    "my son is on the roof and won't come down",
    "私の彼が死にたいって言ってる",
    "お父さんがお母さんを殺すって言ってる",
    "今、夫に首を絞められた",
    "もういやだ。しんじゃいたい",
    "ぼくなんかいないほうがいいんだ",
    "おかあさんにしねっていわれた。もうしにたい",
    "わたしがしんだらみんなよろこぶ",
    "この世に未練はない",
    "あの世に行きたい",
    "天国に行きたい。おじいちゃんに会いたい",
    "早くお迎えが来てほしい",
    "長生きしすぎた。もう死なせてほしい",
    "迷惑かけるくらいなら死んだほうがいい",
    "人生詰んだ。終わりにする",
    "ちょっと死んでくる",
    "自殺の名所を調べてる",
    "高いところから落ちたら楽になれるかな",
    "海に入ったら楽になれそう",
    "車に飛び込みたい",
    "電車に轢かれたい",
    "トラックに突っ込みたい",
    "手首に傷がいっぱいある",
    "血を見ると落ち着く",
    "たくさん薬を飲んだら死ねるかな",
    "市販薬20錠飲んだ",
    "ロキソニン全部飲んだ",
    "お酒と睡眠薬を一緒に飲んだ",
    "彼氏に別れたら死ぬって言われた",
    "娘の部屋から遺書が出てきた",
    "夫が「死んでやる」と言って家を出た",
    "友達が手首を切ってる写真を送ってきた",
    "兄が屋上に行ったまま戻らない",
    "もう疲れたよ、パトラッシュ…僕はもう眠いんだ",
    "I wish I could sleep and never wake up",
    "nobody would miss me if I was gone",
    "I'm done with everything. goodbye",
    "I have a plan to end it this weekend",
    "I've been cutting again",
    "my girlfriend texted me she took a bunch of pills",
    "im going to jump",
    "can't do this anymore. want to disappear",
    "シヌ",
    "ｓｈｉｎｉｔａｉ",
    "死にたいけど死ねない",
    "死にたいって思うのは甘えですか",
    "毎日死ぬことばかり考えてしまう",
    "つらすぎて生きていけない",
    "自分を傷つけたくなる",
    "もう何もかも嫌になった。消えたい",
    "眠れないし死にたい",
    "子どもと一緒に死のうと思った",
    "息子が自殺未遂をした",
    "父が自殺をほのめかしている",
    "妻が死にたいと泣いている",
    "同僚が最近「もう消えたい」と言っていて心配",
    "生徒がリストカットしているようだ",
    "彼女が薬を大量に飲んだ",
    "ビルから飛び降りようかと思ってる",
    "包丁を自分に向けてしまった",
    "首を吊ろうとした",
    "ベランダから飛び降りたい",
    "過去に自殺未遂をしたことがある",
    "毎晩泣いてる。いきてるのがつらい",
    "じぶんをきずつけちゃう",
    "しにたいきもちがとまらない",
    "いなくなったほうがみんな楽だよね",
    "もうなんのためにいきてるのかわからない",
    "I feel suicidal",
    "I want to end my life",
    "I've been thinking about suicide a lot",
    "I hurt myself when I'm stressed",
    "I don't see any reason to keep living",
    "My brother tried to kill himself last night",
    "I'm scared my friend will hurt herself",
    "I took an overdose",
    "life is meaningless and I want out",
    "どうせ誰も悲しまない",
    "もう生きる気力がない",
    "死ぬ準備をしている",
    "遺書の書き方",
    "死にたくなったらどこに電話すればいい？",
    "オーバードーズしそう",
    "死にたい気持ちが消えない",
    "最近ずっと死ぬことを考えている",
    "生きるのをやめたい",
    "自分の命を終わらせたい",
    "毎日が苦しくて、もう終わりにしたい",
    "消えてなくなりたいと思う時がある",
    "リスカの跡が増えていく",
    "カッターで腕を切った",
    "薬を何十錠も飲んでしまった",
    "市販の風邪薬をたくさん飲んだ",
    "屋上に立っている",
    "ビルの上にいます",
    "今から死にます",
    "誰か止めて",
    "遺書を書いている",
    "知り合いが死ぬと言って連絡がとれない",
    "娘が手首を切っていた",
    "息子が死にたいと言って部屋から出てこない",
    "母親が「もう生きていたくない」と言う",
    "夫が首をつろうとしていた",
    "ともだちがしにたいっていってた",
    "しにたいけどこわい",
    "いきるのがつらいです",
    "きえちゃいたいな",
    "じぶんをきりたくなる",
    "つらい。もうむり。しにたい",
    "お薬ぜんぶのんだ",
    "I want to die",
    "I want to kill myself tonight",
    "I am thinking of ending my life",
    "I want to disappear forever",
    "I've been self harming",
    "my friend said she wants to kill herself",
    "my son cut himself",
    "I swallowed a whole box of pills",
    "I'm standing on a bridge",
    "There's no point in living anymore",
    "I can't go on like this, I want it all to end",
    "生きてる価値がない人間です",
    "私なんか死んだ方がいい",
    "しにたいです。たすけてください",
    "死にたくてたまらない",
    "もう生きていく自信がない",
    "死んだら楽になれるのかな",
    "今すぐ消えたい",
    "自分で自分を終わらせたい",
    "最期の場所を探している",
    "自殺の方法を検索してしまった",
    "首を絞めたくなる",
    "飛び降りる場所を探してる",
    "何度も死のうとした",
    "昨日自殺しようとした",
    "リストカットがやめられなくて困っています",
    "腕を切らないと落ち着かない",
    "自傷がやめられない",
    "大量服薬しました",
    "薬をまとめて飲もうと思う",
    "いま踏切の前にいる",
    "海に飛び込みたい",
    "高いところに行きたい衝動がある",
    "死にたいと思いながら仕事に行ってる",
    "学校でいじめられてしにたい",
    "家族に迷惑ばかりかけて、いない方がいいと思う",
    "親に死ねと言われて、本当に死のうかと思った",
    "彼氏にふられて死にたい",
    "借金で首が回らない、死ぬしかない",
    "介護に疲れて、母と一緒に死のうかと考えてしまう",
    "子どもを道連れにしようと思った",
    "もう限界です。助けてください",
    "夜になると死にたくなる",
    "生きてる意味って何？もう疲れた",
    "ODしたい",
    "ｵｰﾊﾞｰﾄﾞｰｽﾞした",
    "消えたいし、誰にも会いたくない",
    "自分が嫌いで、いなくなりたい",
    "i want to die so bad",
    "I'm going to end it tonight",
    "thinking about suicide every day",
    "I just want to stop existing",
    "I don't want to live anymore",
    "もうがっこうもいえもいやだ。しんだほうがいい",
    "ママにおこられた。もういきていたくない",
    "いじめられてもう死にたいです。中1です",
    "きのうじさつしようとおもった",
    "てくびをきった",
    "おくじょうにいる。もうむり",
    "くすりいっぱいのんだ",
    "年寄りはもう死んだほうがいいのかね",
    "妻に先立たれて、私も早くそっちへ行きたい",
    "この歳まで生きて、もう思い残すことはない。終わりにしたい",
    "病気がつらくて、もう死なせてほしい",
    "介護がつらくて、父を殺してしまいそう",
    "夫を殺したいほど憎い",
    "息子がベランダから飛び降りようとした",
    "娘が「もう消えたい」とLINEしてきた",
    "姉がずっと死にたいと言っていて、今日連絡がつかない",
    "友人がSNSに遺書のような投稿をした",
    "彼が車の中で練炭を…",
    "同居の母が大量の薬を飲んで倒れている",
    "部下が自殺をほのめかしている",
    "生徒から死にたいと相談された",
    "死にたいって言う友達にどう声をかけたらいい？",
    "自殺したい人を止めたい",
    "I'm worried my daughter might kill herself",
    "my husband said he'd be better off dead",
    "my student told me she wants to die",
    "I want to jump off a building",
    "I wrote a goodbye letter",
    "Sometimes I think about dying",
    "I feel like I'm a burden to everyone and should just disappear",
]
HYPERBOLE_AND_ORDINARY = [
    "死ぬほど笑った",
    "死ぬほど眠い",
    "死ぬほど好き",
    "締め切りで死にそう",
    "暑くて死にそう",
    "お腹すいて死にそう",
    "死ぬかと思った",
    "死ぬ気で頑張る",
    "死ぬまでに一度行きたい",
    "笑い死にしそう",
    "必死に勉強した",
    "父が去年死んだ",
    "がっこうにいきたくない",
    "がっこういきたくない",
    "学校行きたくない",
    "会社に行きたくない",
    "蚊に刺された",
    "テスト見せたら親に殺されるw",
    "ゲームで敵に殺された",
    "自殺予防のボランティアがしたい",
    "自殺対策について調べている",
    "わたしにたいしてみんなが冷たい",
    "夫に殴られる",
    "楽になりたい",
    "もう限界",
    "I'm dying to see you",
    "this movie is to die for",
    "I'm dead tired",
    "上司のパワハラで眠れない",
    "課題が多すぎてもう死ぬ",
    "暑くてもう死ぬ",
    "今日中に宿題を全部終わらせる",
    "みんなありがとう！楽しかった",
    "自殺のニュースを見て不安になった",
    "映画で主人公が飛び降りるシーンが怖かった",
    "I take 2 pills a day",
    "I go to Kobe tomorrow",
    "電気を消そう",
    "ゲームのデータが消えた",
    "明日の朝、駅で待ち合わせ",
    "橋の上から花火を見た",
    "首にマフラーを巻いて出かけた",
    "さようなら、また明日ね",
    "今までありがとう、先生。卒業します",
    "推しが尊すぎて死ぬ",
    "殺虫剤で虫を殺す方法",
    "歯医者の痛みで死にそう",
    "死ぬまでに行きたい場所",
    "彼は死ぬ気で働いている",
    "生きてて良かった",
    "消えるボールペンが欲しい",
    "頭を壁にぶつけてたんこぶができた子どもの対応",
    "ビルの屋上から夜景を見た",
    "橋から下を見ると川が綺麗",
    "私は毎日電車で通勤している",
    "どうやったら痩せられる？",
    "I don't want to be here at this company anymore",
    "the kids are on the roof of the school for an event",
    "テスト死んでくる笑",
    "お酒と薬を一緒に飲んでも大丈夫？",
    "ディズニーランドは天国みたい、また行きたい",
    "ダイエットは今日で終わりにする",
    "この仕事は今日で終わりにする。お疲れさまでした",
    "高いところから見る景色が好き",
    "海に入ったら気持ちよかった",
    "車に乗って海に行きたい",
    "彼は手首に時計をつけている",
    "腕に傷があるのでプールが不安",
    "市販薬を飲んでも頭痛が治らない",
    "ロキソニンを飲んだけど効かない",
    "祖母のお迎えに行く",
    "未練はないけど元彼のことを考える",
    "I'm done with my homework",
    "nobody would notice if I left the party early",
    "I'm going to jump rope with my kids",
    "this weekend I plan to end my subscription",
    "電車に乗り遅れた",
    "橋を渡って学校に行く",
    "人生終わったと思ったけど、合格した！",
    "もう疲れた。今日は早く寝る",
    "自分をきらいになりそう",
    "自分を切り替えたい",
    "じぶんをきらいになった",
    "旅は道連れ世は情け",
    "夏だ！海に入りたい",
    "この会社はいない方がいい人ばかり",
    "死ぬまでに一度はハワイに行きたい",
    "ゲームで敵を殺したいほど強くなりたい",
    "蚊を殺したい",
    "死ぬほどお腹すいた",
    "暑すぎて死ぬ",
    "テストで死んだ",
    "推しが尊くて死ぬ",
    "殺す気か（笑）",
    "寒くて死にそう",
    "眠すぎて死ぬ",
    "階段で死ぬかと思った",
    "今日の部活マジで死んだ",
    "筋トレで死ぬ",
    "この映画、泣きすぎて死ぬ",
    "残業続きで死にそう、転職したい",
    "上司に殺されるｗ",
    "ママに怒られて死ぬかと思った",
    "死ぬ前に一度会いたい人がいる",
    "祖母が亡くなって寂しい",
    "ペットの犬が死にそうで悲しい",
    "父が病気で死ぬかもしれない",
    "I'm dying to see the new movie",
    "this homework is killing me",
    "I almost died laughing",
    "my phone died",
    "I could kill for a coffee right now",
    "いのちの電話のボランティアになりたい",
    "自殺予防のゲートキーパー研修に参加したい",
]


@pytest.mark.parametrize(
    "text", SUICIDAL + SELF_HARM + OVERDOSE + MEANS_AND_PLACES + DANGER + MORE_WAYS_OF_SAYING_IT
)
def test_crisis_is_raised(text: str) -> None:
    result = detect(text)
    assert result.crisis, text
    assert result.reasons


@pytest.mark.parametrize("text", HYPERBOLE_AND_ORDINARY)
def test_hyperbole_and_ordinary_trouble_do_not_raise_it(text: str) -> None:
    assert not detect(text).crisis, text


def test_two_weak_signals_raise_it_and_one_does_not() -> None:
    assert not detect("もう限界").crisis
    assert not detect("楽になりたい").crisis
    assert detect("もう限界です。楽になりたい").crisis


def test_weak_signals_carry_over_a_conversation() -> None:
    first = detect("もう限界")
    assert not first.crisis and first.weak == ("at-the-limit",)
    assert detect("楽になりたい", first.weak).crisis


def test_a_goodbye_with_an_ending_raises_it() -> None:
    assert detect("今日で全部終わらせる。みんなありがとう").crisis
    assert not detect("みんなありがとう").crisis


def test_a_scene_or_a_report_named_as_such_hides_nothing_else() -> None:
    assert detect("自殺のニュースを見て死にたくなった").crisis


def test_a_preparation_with_a_set_time_raises_it() -> None:
    assert detect("ロープを買った。今夜やるつもり").crisis


@pytest.mark.parametrize(
    "text",
    [
        "友達が死にたいと言っている",
        "息子が自殺をほのめかしている",
        "彼氏が死にたいってLINEしてきた",
        "母が消えたいとつぶやいていた",
        "My friend says she wants to kill herself",
    ],
)
def test_someone_elses_crisis_is_raised_and_marked(text: str) -> None:
    result = detect(text)
    assert result.crisis and result.about_someone_else
    assert SOMEONE_ELSE in result.reasons


@pytest.mark.parametrize(
    "text",
    ["死にたい", "友達がいなくて死にたい", "彼氏に死ねと言われて死にたい", "夫に殴られて消えたい"],
)
def test_the_writers_own_crisis_is_not_taken_for_someone_elses(text: str) -> None:
    result = detect(text)
    assert result.crisis and not result.about_someone_else


def test_a_threat_from_a_partner_is_danger_to_the_writer() -> None:
    result = detect("彼氏が別れたら殺すと言ってくる")
    assert result.crisis and not result.about_someone_else
    assert result.first == ("emergency-110",)


def test_an_overdose_puts_the_ambulance_first() -> None:
    assert detect("薬をたくさん飲んでしまった").first == ("emergency-119",)


def test_a_crisis_late_in_a_long_text_is_still_found() -> None:
    assert detect("今日は天気がいい。" * 500 + "死にたい").crisis


@pytest.mark.parametrize(
    "odd", [None, 42, b"\xff\xfe\x00", "", "\x00" * 10, "<script>", "あ" * 100_000]
)
def test_odd_input_gets_a_result_not_an_exception(odd: object) -> None:
    result = detect(odd)
    assert result.crisis is False
    assert not result.error


def test_bytes_are_read_as_utf8() -> None:
    assert detect("死にたい".encode()).crisis


def test_reasons_read_as_words_in_both_languages() -> None:
    assert label("wish-to-die") == "死にたい気持ち"
    assert label("wish-to-die", "en") == "wanting to die"
    assert label(SOMEONE_ELSE, "en") == "Someone else is in danger"
