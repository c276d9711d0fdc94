"""The attribution statements the licences require, shown in README, `localnhs about` and
every web page footer."""

LINES = [
    "Contains public sector information licensed under the Open Government Licence v3.0.",
    "Contains OS data © Crown copyright and database right 2025.",
    "Contains Royal Mail data © Royal Mail copyright and database right 2025.",
    "Contains National Statistics data © Crown copyright and database right 2025.",
    "Source: Office for National Statistics licensed under the Open Government Licence v3.0.",
    "NHS England / NHS Digital Organisation Data Service data, Open Government Licence v3.0.",
]
SHORT = " ".join(LINES[:4])
