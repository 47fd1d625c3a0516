"""The whole network: every member city we can source, by city, country, region and year.

* :mod:`bot.members.model`: the data (members, admission years that may be ranges, regions, batches);
* :mod:`bot.members.countries`: country names in Turkish and English from Babel (CLDR);
* :mod:`bot.members.load`: reading and checking ``content/members.yaml`` and ``provinces.yaml``;
* :mod:`bot.members.directory`: look-ups by name, alias or exonym, country, region and year;
* :mod:`bot.members.questions`: recognising membership questions in free text;
* :mod:`bot.members.replies`: the answers, lists and pages.

Import the submodules (this package imports nothing, so that the content loader can use
:mod:`bot.members.load` without a cycle).
"""
