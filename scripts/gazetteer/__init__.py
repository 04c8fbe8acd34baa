"""The build of knowledge/places/data/places.json behind scripts/build_places.py: `words`
(the hand-kept tables), `names` (labels, transliteration, adjectives) and `builder` (GeoNames
and CLDR merged into one index)."""
