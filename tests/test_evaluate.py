"""The project's own scorers (claimflow.evaluate) on small hand-made cases."""
from claimflow.evaluate import score_sentences, unit_name_kinds


def test_unit_names_compare_by_kind_not_spelling():
    assert unit_name_kinds("Meter") == unit_name_kinds("metre") == {"length"}
    assert unit_name_kinds("Pound") == {"currency", "mass"}
    assert unit_name_kinds("Hong Kong dollar") == {"currency"}
    assert unit_name_kinds("kilometer per hour") == {"speed"}
    assert unit_name_kinds("dimensionless") == {"number", "count"}


def test_sentence_scores_pair_one_to_one_and_filter_by_kind():
    items = [{"id": "a", "text": "It fell 5% to $3 and weighs 3 kg.",
              "quantities": [{"low": 3, "high": 3, "unit": "dollar"}, {"low": 3, "high": 3, "unit": "kilogram"}]}]
    preds = {"a": [
        {"stated_low": 5, "stated_high": 5, "low": 5, "high": 5, "unit": "%"},
        {"stated_low": 3, "stated_high": 3, "low": 3, "high": 3, "unit": "kg"},
        {"stated_low": 3, "stated_high": None, "low": 3, "high": None, "unit": "USD"},  # open end counts as 3
    ]}
    s = score_sentences(items, preds)
    assert (s["value"].tp, s["value"].fp, s["value"].fn) == (2, 1, 0)
    assert (s["value+kind"].tp, s["value+kind"].fp, s["value+kind"].fn) == (2, 1, 0)  # kg-kg, USD-dollar
    preds["a"][1]["unit"] = "m"  # 3 m is no 3 kg and no $3
    s = score_sentences(items, preds)
    assert (s["value"].tp, s["value+kind"].tp, s["value+kind"].fn) == (2, 1, 1)
    only_money = score_sentences(items, preds, kinds={"currency"})
    assert (only_money["value"].tp, only_money["value"].fp, only_money["value"].fn) == (1, 0, 1)
