"""A city whose districts are members: "Seul üye mi?", "Is Busan a learning city?".

Some members are districts of a city ("Eunpyeong-gu (Seoul)", "Bayangol District
(Ulaanbaatar)"): the city itself is no member of its own, and a question naming it used to
get "not in my list". Its districts in the list answer it instead. The city's other names
(a Turkish exonym: "Seul") are ``city_aliases`` in members.yaml.
"""

from __future__ import annotations

import re

from bot.members.directory import Directory
from bot.members.model import Member
from bot.textnorm import fold

__all__ = ["districts_of"]

_DISTRICT = re.compile(r"^.+?(?:-gu| District) \((?P<city>[^)]+)\)$")  # "Songpa-gu (Seoul)"


def districts_of(directory: Directory, name: str) -> tuple[Member, ...]:
    """The members that are districts of the city ``name`` names (by its name or another), in
    the directory's order: the earliest to join first, as every list of members."""
    key = " ".join(fold(name).split())
    if not key:
        return ()
    found = []
    for member in directory.members:
        m = _DISTRICT.match(member.city)
        if m is None:
            continue
        city = m.group("city")
        names = {city, *directory.data.city_aliases.get(city, ())}
        if key in {" ".join(fold(n).split()) for n in names}:
            found.append(member)
    return tuple(found)
