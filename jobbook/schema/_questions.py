"""The Questions sheet: interview questions to practise."""

from __future__ import annotations

from ._base import QUESTION_CATEGORIES, YES_NO, Column, Table

QUESTIONS = Table(
    "Questions",
    (
        Column("ID", "id", True, True, note="A short unique ID, e.g. Q001."),
        Column(
            "Interview ID",
            "id",
            note="The Interviews ID where it was asked.",
            width=13,
            ref="Interviews",
        ),
        Column("Question", "text", True, True, note="The question as asked.", width=40),
        Column(
            "Category",
            "choice",
            choices=QUESTION_CATEGORIES,
            note="Behavioral, Technical, Situational, Company, Motivation, Salary or Other.",
        ),
        Column("My answer", "text", width=34, note="What you answered."),
        Column("Self-rating", "rating", lo=1, hi=5, note="How good your answer was, 1 to 5."),
        Column(
            "Answer differently?",
            "choice",
            choices=YES_NO,
            note="Yes if you would answer differently.",
        ),
        Column("Better answer", "text", width=34, note="The answer to practise."),
        Column("Times practiced", "int", lo=0, note="How many times you rehearsed it."),
        Column("Last practiced", "date", note="Day you last rehearsed it."),
    ),
    note="Questions asked in interviews and how you answered.",
    id_column="ID",
)
