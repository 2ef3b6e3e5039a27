"""The areas a release names, and places read against them (our own sample sentences)."""

from companies.importer.areas import named_areas


def test_named_areas_collects_regions_and_countries_the_text_names():
    text = (
        "The refinery in the Northern Territory stops. Operations in Oregon continue. "
        "Jobs go in Letterkenny, Ireland. Its mill in Purvis, Mississippi restarted."
    )
    assert named_areas(text) >= {"AU-NT", "AU", "US-OR", "US", "IE", "US-MS"}
