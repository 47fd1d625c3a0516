"""The /stats chart: questions per day over the last 30 days (answered, "did you mean",
not answered) and the share of helpful / not helpful votes, as a PNG.

matplotlib is imported only when a chart is drawn (it costs tens of MB), so a bot that
nobody asks for /stats stays small. Drawing uses a Figure of its own (no pyplot state),
so it can run in a worker thread.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.content import Messages
from bot.content.schema import LOCAL_TZ
from bot.storage import Storage
from bot.tghtml import to_plain

__all__ = ["DAYS", "ChartData", "chart_data", "render_chart"]

DAYS = 30
_COLOURS = {"answered": "#2e7d32", "suggested": "#f9a825", "unanswered": "#c62828", "up": "#2e7d32", "down": "#c62828"}


@dataclass(frozen=True, slots=True)
class ChartData:
    days: tuple[date, ...]
    answered: tuple[int, ...]
    suggested: tuple[int, ...]
    unanswered: tuple[int, ...]
    up: int
    down: int

    @property
    def questions(self) -> int:
        return sum(self.answered) + sum(self.suggested) + sum(self.unanswered)


async def chart_data(storage: Storage, now: datetime | None = None, days: int = DAYS) -> ChartData:
    """The last ``days`` days (Istanbul time, today included) from the database."""
    today = (now or datetime.now(LOCAL_TZ)).astimezone(LOCAL_TZ).date()
    first = today - timedelta(days=days - 1)
    since = datetime.combine(first, time(0), LOCAL_TZ).timestamp()
    counts = await storage.daily_questions(since, days)
    up, down = await storage.votes_since(since)
    return ChartData(
        tuple(first + timedelta(days=i) for i in range(days)),
        tuple(c[0] for c in counts),
        tuple(c[1] for c in counts),
        tuple(c[2] for c in counts),
        up,
        down,
    )


def _label(messages: Messages, key: str, lang: str, **values: object) -> str:
    return to_plain(messages.render(key, lang, **values))


def render_chart(data: ChartData, messages: Messages, lang: str) -> bytes:
    """The chart as PNG bytes (labels from the content, in ``lang``)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 4.8), dpi=100, layout="constrained")
    bars, share = figure.subplots(1, 2, width_ratios=(3.2, 1))
    x = range(len(data.days))
    bottom = [0] * len(data.days)
    for key, values in (("answered", data.answered), ("suggested", data.suggested), ("unanswered", data.unanswered)):
        bars.bar(x, values, bottom=bottom, color=_COLOURS[key], label=_label(messages, f"chart_{key}", lang), width=0.8)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ticks = list(range(0, len(data.days), 5))
    bars.set_xticks(ticks, [data.days[i].strftime("%d.%m") for i in ticks])
    bars.set_title(_label(messages, "chart_questions", lang, days=len(data.days), count=data.questions))
    bars.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=3, frameon=False)
    bars.spines[["top", "right"]].set_visible(False)
    bars.yaxis.get_major_locator().set_params(integer=True)
    share.set_title(_label(messages, "chart_feedback", lang, count=data.up + data.down))
    if data.up + data.down:
        share.pie(
            [data.up, data.down],
            labels=[_label(messages, "chart_up", lang), _label(messages, "chart_down", lang)],
            colors=[_COLOURS["up"], _COLOURS["down"]],
            autopct="%1.0f%%",
            startangle=90,
            counterclock=False,
            textprops={"color": "black"},
        )
    else:
        share.text(0.5, 0.5, _label(messages, "chart_no_votes", lang), ha="center", va="center")
        share.set_axis_off()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
