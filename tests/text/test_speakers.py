import pytest

from summarize.text.speakers import unintroduced_name

FULL_NAMES = {
    "peskov": "Dmitry Peskov",
    "lavrov": "Sergey Lavrov",
    "clinton": "Clinton",
    "russia": "Russia",
    "united states": "United States",
    "india": "Hindu-dominated India",
    "police": "Moscow Police",
}


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("“There is a glaring discrepancy,” Peskov said.", "Dmitry"),
        ("Peskov was quoted as saying by Russian news agencies.", "Dmitry"),
        ("Mr Lavrov complained that the alliance is not interested in dialogue.", "Sergey"),
        ("“We regret it,” said Lavrov.", "Sergey"),
        ("Kremlin spokesman Dmitry Peskov said the move harms efforts.", None),  # the full name
        ("Russian Foreign Minister Lavrov said his country would respond.", None),  # a title says who
        ("President Clinton said the talks went well.", None),
        ("Moscow said the decision was a provocation.", None),  # named in one word in every article
        ("Shea said it was not a dramatic move.", None),  # no full name in the articles
        ("The ministry said nothing.", None),
        ("Washington said it would respond.", None),  # a government, as "the United States said"
        ("India said it would respond.", None),  # a country, whatever the articles call it once
        ("Police said two people were hurt.", None),  # "Moscow Police" is no given name and surname
    ],
)
def test_a_speaker_named_by_surname_only_lacks_the_given_name_the_articles_give(text, given):
    assert unintroduced_name(text, FULL_NAMES) == given


def test_a_capital_named_alone_is_its_country_s_speaker_not_another_one():
    from summarize.records import Sentence
    from summarize.text.speakers import display_name, speaker_key, speaker_names, speaker_sides, speakers

    assert speaker_key(["Moscow"]) == speaker_key(["Russia"]) == "russia"
    assert display_name(["Moscow"]) == "Russia"
    assert speaker_key(["Jack", "London"]) == "london"  # a person's name, not Britain's government
    assert speaker_key(["Washington"]) == speaker_key(["United", "States"]) == "united states"
    assert speaker_key(["Seoul"]) == speaker_key(["South", "Korea"]) == "south korea"
    assert speaker_key(["Pyongyang"]) != speaker_key(["Seoul"])  # two countries, two sides
    assert speaker_key(["Kinshasa"]) != speaker_key(["Brazzaville"])
    texts = [
        "Moscow has slammed NATO’s decision to expel several members of its mission.",
        "Russia accuses NATO of provocative activity close to its borders.",
        "Russian Foreign Minister Sergey Lavrov said his country is suspending its mission.",
    ]
    sentences = [Sentence(n, 0, len(text), text, 0) for n, text in enumerate(texts)]
    assert speakers(sentences, texts) == ["russia", "russia", "lavrov"]
    assert speaker_names(sentences)["russia"] == "Russia"
    sides = speaker_sides(sentences)
    assert sides["russia"] == sides["lavrov"]  # "Russian Foreign Minister": one side


def test_people_named_in_full_are_read_from_given_name_and_surname_side_by_side():
    from summarize.text.speakers import people_named_in_full, unintroduced_subject

    texts = [
        "Spanish Judge Baltasar Garzon asked to question the general.",
        "The judge also heard from Baltasar Garzon's staff.",
        "Garzon is also investigating the disappearance of 40 people.",
        "Garzon said he would question the general's aides.",  # a person by surname alone: "he"
        "The Hubble Space Telescope was freed on Wednesday.",
        "Edwin Hubble gave the telescope his name.",
        "Neither Portugal nor Spain objected.",
        "Officials in North Portville said the river rose.",
    ]
    people = people_named_in_full(texts)
    assert people.get("Garzon") == "Baltasar"  # not "Judge": a title, written in lower case too
    assert "Hubble" not in people  # "the Hubble ...": a thing the texts name after a person
    assert "Portville" not in people and "Spain" not in people  # "North", "Neither": common words
    assert unintroduced_subject("Garzon is also investigating the case.", people) == "Baltasar"
    assert unintroduced_subject("Garzon, a magistrate, asked again.", people) == "Baltasar"
    assert unintroduced_subject("Baltasar Garzon is also investigating the case.", people) is None
    assert unintroduced_subject("The court heard Garzon on Friday.", people) is None  # not the subject


def test_a_surname_the_texts_use_for_a_company_or_a_place_needs_no_introduction():
    from summarize.text.speakers import people_named_in_full, unintroduced_subject

    texts = [
        "Dana Ferrow founded the carmaker in 1903.",
        "Ferrow is recalling 300,000 trucks, the carmaker said.",
        "Ferrow said its dealers would replace the brakes.",
        "Kamala Bexley campaigned in the county.",
        "Bexley County officials said the flood was the worst.",
        "Corin Mabry won the race.",
        "Mabry, 31, said she would race again.",  # a person by surname alone: an age
        "Tova Quill spoke.",
        "Judge Quill dissented.",  # a title
        "Ivo Renner spoke.",
        "Renner, who chairs the panel, left.",  # "who"
    ]
    people = people_named_in_full(texts)
    assert "Ferrow" not in people and "Bexley" not in people
    assert unintroduced_subject("Ferrow is recalling 300,000 trucks.", people) is None
    assert unintroduced_subject("Bexley is the largest county in the state.", people) is None
    assert people.get("Mabry") == "Corin" and people.get("Quill") == "Tova" and people.get("Renner") == "Ivo"
    # no word either way: a person, as most are
    assert people_named_in_full(["Lena Ostrova spoke.", "Ostrova is expected on Monday."]) == {"Ostrova": "Lena"}
