"""Which different figures are a disagreement: one count told two ways, not two counts of one unit."""

from summarize.citations.figure_scope import disagreeing_figures


def texts(first: str, second: str) -> list[str]:
    return [q.text for q in disagreeing_figures(first, second)]


def test_one_toll_told_with_two_figures_is_a_disagreement():
    assert texts(
        "A tornado hit a school Wednesday, killing at least 15 people, authorities said.",
        "One twister smashed into a school, killing at least two people, police said.",
    ) == ["two people"]
    assert texts(
        "At least 214 people have been killed in Vardena since March 3.",
        "At least 160 people have been killed in Vardena since the curfew began on March 3.",
    ) == ["160 people"]


def test_the_hurt_the_injured_and_the_wounded_are_one_count():
    hurt = "Two people were hurt, police said."
    injuries = "Three people suffered minor injuries, the fire service said."
    assert texts(hurt, injuries) == ["Three people"] and texts(injuries, hurt) == ["Two people"]
    assert texts("Four soldiers were wounded, the army said.", "Six soldiers were injured, officials said.") == [
        "Six soldiers"
    ]
    # not what happened to others: the evacuated are not the hurt
    assert not texts(hurt, "Forty people were evacuated, the fire service said.")


def test_the_dead_the_killed_and_those_who_died_are_one_count():
    assert texts("At least 129 people died, officials said.", "The storm killed at least 156 people, police said.") == [
        "156 people"
    ]
    assert texts("Twelve people were dead, officials said.", "Officials said the blast killed 15 people.") == [
        "15 people"
    ]


def test_the_dead_and_the_injured_are_two_counts_whatever_else_their_words_share():
    assert not texts("Twelve people were dead, officials said.", "Fifteen people were hurt, officials said.")
    assert not texts("Two people were hurt, police said.", "Three people died, police said.")


def test_counts_for_places_the_other_does_not_name_are_two_counts():
    inland = "About 5,000 people were evacuated inland."
    yucatan = "About 20,000 people were evacuated from Puerto Progreso, a spokesman said."
    assert not texts(inland, yucatan) and not texts(yucatan, inland)
    assert texts(yucatan, "About 16,000 people were evacuated from Puerto Progreso.") == ["16,000 people"]
    assert not texts("_New Jersey: Storms were blamed for one death.", "Altogether, storms caused 27 deaths.")
    assert not texts("Over 1,500 pandas live in the wild.", "More than 100 pandas live there.")


def test_a_part_a_rate_a_bound_met_and_a_forecast_are_no_disagreement():
    assert not texts("Payments will exceed $500 million.", "The company projects an additional $100 million.")
    assert not texts("She faced up to 15 years in prison on each count.", "She faces up to 30 years in prison.")
    assert not texts("An estimated 1,100 people fall ill each year.", "Fewer than 2,000 people fall ill each year.")
    assert not texts(
        "Victims stay in the hospital for 10 days.", "New treatments may get victims out of the hospital in three days."
    )


def test_counts_from_different_starts_or_about_different_things_are_two_counts():
    assert not texts(
        "At least 214 people have been killed in Vardena since March 3.",
        "At least 52 people have been killed in Vardena since the beginning of the year.",
    )
    assert not texts(
        "Motorcycle riders without helmets pay a penalty of 40,000 shillings.",
        "Unbelted passengers get an on-spot fine of 20,000 shillings.",
    )
    assert not texts("The low was minus 26 Celsius on Sunday.", "Lows were minus 20 Celsius over the weekend.")


def test_a_change_and_a_level_or_a_time_ago_are_not_one_count():
    assert not texts("The harvest was 1 percent of the level.", "The harvest has dropped 92 percent this year.")
    assert texts("The harvest dropped 80 percent.", "The harvest has dropped 92 percent.") == ["92 percent"]
    assert not texts("The reserve was set up 30 years ago.", "In five years, the reserve grew.")


def test_a_time_between_two_events_is_no_count():
    assert not texts(
        "The spraying was stopped in 1971 -- four years before the end of the war.",
        "Their use was stopped in 1971, two years after studies first linked it to birth defects.",
    )
    assert not texts(
        "The telescope starts its 15-year search for new worlds.", "Seven years late, the telescope is up."
    )
    assert texts("The storm killed 20 people after midnight.", "The storm killed 26 people after midnight.") == [
        "26 people"
    ]


def test_a_forecast_is_read_in_the_figures_clause_only():
    report = "The flood killed 40 people in the valley, and the toll is expected to rise."
    assert texts(report, "The flood killed 55 people in the valley.") == ["55 people"]
    assert not texts("The flood may kill 40 people in the valley.", "The flood killed 55 people in the valley.")
    assert not texts("Organisers expect 18,000 runners this year.", "Some 13,000 runners are expected to run.")
    assert texts("Only 8 percent of adults smoke.", "Some 21 percent of adults smoke.") == ["21 percent"]
    assert not texts("The ministry wants only 8 percent of adults to smoke.", "Some 21 percent of adults smoke.")
    won = "Lula won 34 percent of the vote."
    assert texts(won, "Lula would win 24 percent of the vote, the polls said.") == ["24 percent"]
    assert not texts(won, "Polls predicted Lula would win 24 percent of the vote.")


def test_another_years_count_or_a_chronology_entry_is_another_moment():
    assert texts(
        "The harvest was about 23,000 bushels last year.",
        "The harvest fell from 2,600,000 bushels in 1975 to 31,000 bushels last year.",
    ) == ["31,000 bushels"]
    assert not texts(
        "June 3, 1985 -- Seven people are charged with 115 counts of fraud.",
        "The two remaining people are charged with 64 counts of fraud.",
    )


def test_rounded_figures_sums_and_percentages_of_other_wholes_agree_or_differ_in_kind():
    assert not texts("The leak cut output by 205,000 barrels a day.", "The leak cut output by 200,000 barrels a day.")
    assert texts("The gunmen seized 20 hostages at the resort.", "The gunmen seized 21 hostages at the resort.") == [
        "21 hostages"
    ]
    assert not texts(
        "The leak cut output by 130,000 barrels on one platform and 75,000 barrels on the other.",
        "The leak cut output by 205,000 barrels a day.",
    )
    assert not texts(
        "Women make up 51 percent of the population of the country.", "Obesity affects 40 percent of the women."
    )


def test_two_givers_a_storm_category_and_a_unit_read_past_a_figure_are_no_disagreement():
    assert not texts(
        "Japan's Red Cross said it was sending $100,000 worth of supplies.",
        "The United States sent $300,000 worth of supplies, officials said.",
    )
    assert not texts(
        "The storm was upgraded to a Category 3 hurricane.", "The storm was upgraded to a Category 4 hurricane."
    )
    bombings = "The bomber carried out 16 bombings during an 18-year campaign."
    assert texts(bombings, "The bomber killed three people and injured 23 during a 17-year campaign.") == ["17-year"]


def test_a_part_of_a_group_is_comparable_with_another_part_only():
    still = "Fourteen of the wounded students were still hospitalized."
    assert not texts(still, "The total was 35 wounded, a hospital official said.")
    assert texts(still, "Ten of the wounded children remained hospitalized Saturday.") == ["Ten of the wounded"]


def test_a_year_before_the_figure_in_another_clause_is_another_event():
    assert not texts(
        "The quake's magnitude was 6.9 on the Richter scale.",
        "The San Francisco earthquake of 1906, which came before the scale, was estimated at 8.3 on the Richter scale.",
    )
    assert not texts(
        "At least 50,000 people were killed in the earthquake.",
        "Like Monday's, the March 4, 1977, earthquake in the valley killed about 1,500 people.",
    )


def test_a_place_just_before_the_figure_or_joined_by_and_sets_its_scope():
    assert not texts("At Kelowe 500 people had been confirmed dead.", "Thirty people were confirmed dead.")
    assert texts("At Kelowe 500 people were confirmed dead.", "At Kelowe 550 people were confirmed dead.") == [
        "550 people"
    ]
    assert not texts(
        "The cold played a role in at least 24 deaths in Romania and Bulgaria.",
        "In Romania, at least 21 deaths were blamed on the cold.",
    )


def test_sums_worth_of_different_things_and_different_kinds_of_one_animal_are_two_counts():
    assert not texts(
        "The typhoons destroyed some 4 billion pesos (dlrs 100 million) worth of crops.",
        "The typhoons destroyed 10.4 billion pesos (dlrs 252.8 million) worth of infrastructure, crops and property.",
    )
    assert not texts("More than 1,500 giant pandas live in the wild.", "China has 163 giant pandas in captivity.")
    assert texts("More than 1,500 giant pandas live in the wild.", "Some 1,200 giant pandas live in the wild.") == [
        "1,200 giant"
    ]


def test_what_happened_is_read_up_to_the_clause_of_another_figure():
    survey = "The survey found that 32 percent of amphibian species face extinction."
    assert not texts(
        survey, "At least 1,856 of them face extinction, more than 100 may be extinct, and 43 percent are in decline."
    )
    assert texts(survey, "The survey found that 34 percent of amphibian species face extinction.") == ["34 percent"]


def test_relatives_other_owners_and_other_wholes_are_other_counts():
    assert not texts(
        "Raymond Buckey spent nearly five years in jail.", "Buckey's mother had spent nearly two years in jail."
    )
    assert not texts(
        "Forbes estimated that Soeharto had a fortune worth 4 billion dollars.",
        "A paper estimated Soeharto's and his family's fortune is worth 40 billion dollars.",
    )
    assert not texts(
        "Jammu-Kashmir's 6 million people are mostly Moslems.", "India's 880 million people are mostly Hindus."
    )
    assert not texts(
        "About 64 percent of Jammu-Kashmir's people are Moslems.", "Moslems make up 12 percent of India's people."
    )
    assert texts("Buckey and his mother face 64 counts.", "Buckey and his mother face 100 counts.") == ["100 counts"]


def test_one_places_count_and_a_count_of_it_with_another_place_are_two_counts():
    state = "Ten people in the Carolinas were killed by the storm."
    both = "Hugo blasted the eastern Caribbean and the Carolinas with high winds, killing at least 41 people."
    assert not texts(state, both) and not texts(both, state)
    assert texts(state, "Hugo blasted the Carolinas with high winds, killing at least 12 people.") == ["12 people"]
