"""Synthetic timeline entries for the HTML timeline's 10,000-event test and benchmark."""

from __future__ import annotations

import datetime as dt

from kg.timeline import Labelled, TimelineAgent, TimelineDocument, TimelineEntry


def synthetic(count: int) -> list[TimelineEntry]:
    """``count`` events over 40 years: 60 people, 20 topics, exact days and uncertain spans."""
    people = [TimelineAgent(f"https://e/person/{i}", f"Person {i}", "person") for i in range(60)]
    topics = [Labelled(f"https://e/topic/{i}", f"Topic {i}") for i in range(20)]
    start = dt.date(1950, 1, 1)
    entries = []
    for i in range(count):
        day = start + dt.timedelta(days=(i * 7919) % 14600)
        length = (0, 0, 0, 2, 30)[i % 5]
        entries.append(
            TimelineEntry(
                f"https://e/event/{i}",
                f"Conversation number {i} between Person {i % 60} and Person {(i * 7 + 1) % 60}",
                day,
                day + dt.timedelta(days=length),
                edtf=day.isoformat(),
                precision="day" if length == 0 else "range",
                event_type=("conversation", "meeting", "visit")[i % 3],
                topics=(topics[i % 20],),
                participants=(people[i % 60], people[(i * 7 + 1) % 60]),
                documents=(
                    TimelineDocument(
                        f"https://e/doc/{i}",
                        f"Record of conversation {i}",
                        f"AVP RF, f. {i % 400}, op. {i % 30}, d. {i % 7}, l. {i}",
                        url=f"https://example.org/record/{i}",
                    ),
                ),
            )
        )
    return entries
