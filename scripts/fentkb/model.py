"""The knowledge base's typed model: one dataclass per kind of entry.

The field docs below are the schema: the validator reads these types to check
the YAML, and the schema page for instructors is generated from them, so the
schema is written once.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, NewType

if TYPE_CHECKING:
    from .index import KbIndex

# Ids that point at other entries; the validator checks each one exists.
PaperId = NewType("PaperId", str)
EvidenceId = NewType("EvidenceId", str)
ClaimId = NewType("ClaimId", str)
DimensionId = NewType("DimensionId", str)
# A place in a paper: 'no-tempest ¶20', 'no-tempest ¶20-22', 'opioid-challenge [27]'.
Locator = NewType("Locator", str)

SourceKind = Literal["government", "news", "think-tank", "academic", "advocacy", "international", "other"]
ClaimType = Literal["diagnosis", "causal", "recommendation", "prediction", "value"]
Stance = Literal["for", "against", "mixed", "not-discussed"]
# The skill quizzes, in the order the quiz index lists them.
Skill = Literal["evidence", "arguments", "comparison", "frameworks", "concepts"]
SKILL_TITLES: dict[Skill, str] = {  # each skill's quiz title, beside its name; a test checks both lists agree
    "evidence": "Evidence: what the figures show and cannot show",
    "arguments": "Arguments and objections",
    "comparison": "Comparing the papers",
    "frameworks": "Applying the frameworks",
    "concepts": "Concepts in use",
}
# What a question makes a student do, after Bloom's revised taxonomy.
Bloom = Literal["remember", "understand", "apply", "analyze", "evaluate"]
AppraisalTask = Literal["premise", "weakest-link", "figure-limits", "reply", "since"]
Topic = Literal["deaths", "drug-use", "potency", "seizures", "money", "violence", "policy", "trade",
                "supply", "history", "treatment", "military"]


def doc(text: str, default: Any = MISSING) -> Any:
    """A field with its documentation; a default makes it optional."""
    if default is MISSING:
        return field(metadata={"doc": text})
    if isinstance(default, list | dict):
        return field(default_factory=type(default), metadata={"doc": text})
    return field(default=default, metadata={"doc": text})


@dataclass
class Point:
    """A short statement in this module's words, with the places in the papers it rests on."""

    text: str = doc("One or two sentences in your own words; quote at most a few words, in quotation marks.")
    at: list[Locator] = doc("Where in the papers this is said, e.g. `no-tempest ¶20`.")


@dataclass
class Reply:
    """How a claim's own paper answers an objection, from its own text."""

    text: str = doc("The reply, in the paper's own strength of wording, in the same grammar as the wrong replies.")
    at: list[Locator] = doc("Where the paper says it.")
    why: str = doc("Why this answers the objection: what it meets in the objection, in a sentence a student can "
                   "learn from (not the reply restated).")
    option: str | None = doc("The reply as a quiz offers it: the same point in other words than `text`, which the "
                             "claim page prints, so a student picks it by understanding rather than by recognising "
                             "the page's sentence. Same grammar and length as the wrong replies.", None)


@dataclass
class Section:
    """One section of a paper, summarized."""

    title: str = doc("The section's heading, as the paper gives it.")
    paragraphs: str = doc("The paragraph range it covers, e.g. `5-9` (or `12` for one).")
    summary: str = doc("What the section argues, in your own words.")


@dataclass
class Reference:
    """One entry of a paper's notes or reference list."""

    n: int = doc("Its number in the paper's list, as in `opioid-challenge [27]`.")
    cite: str = doc("A short citation: author or body, outlet, year.")
    kind: SourceKind = doc("What kind of source it is.")
    year: int | None = doc("Year of publication, if the entry gives one.", None)


@dataclass
class Judgement:
    """A strength or weakness of a paper: this module's analysis, with its reason."""

    text: str = doc("The point, in one sentence.")
    reason: str = doc("Why: what in the paper shows it.")
    at: list[Locator] = doc("Where in the paper it can be seen.", [])


@dataclass
class Treatment:
    """How a paper treats the four recurring topics of the debate."""

    mexico: Point = doc("How the paper portrays Mexico and its government.")
    china: Point = doc("How the paper portrays China.")
    military_force: Point = doc("Its stance on US military force.")
    public_health: Point = doc("What it says about public health, treatment and harm reduction.")


@dataclass
class Paper:
    """One of the papers the module teaches from (`quizzes/<paper>/paper.yaml`)."""

    id: PaperId = doc("The paper's id, the file name of its text in ../shared/papers.")
    title: str = doc("Full title as published.")
    short: str = doc("A short name for tables and tabs.")
    authors: list[str] = doc("Authors as named in the text; empty when the text names none.")
    venue: str = doc("Where it was published.")
    date: str = doc("Publication date as the text gives it.")
    thesis: Point = doc("The thesis in one sentence.")
    method: Point = doc("How the paper argues: its method and the kinds of sources it uses.")
    sections: list[Section] = doc("Every section, in order.")
    recommendations: list[Point] = doc("What the paper recommends.")
    treatment: Treatment = doc("Mexico, China, military force, public health.")
    strengths: list[Judgement] = doc("Strongest points (this module's analysis).")
    weaknesses: list[Judgement] = doc("Weakest points (this module's analysis).")
    discussion: list[str] = doc("Four to six discussion questions.")
    references: list[Reference] = doc("The paper's notes or references, classified; empty if it has none.")
    url: str | None = doc("The original address, only where the text gives it. Never guess one.", None)
    context: str | None = doc("Date and political context in one or two sentences, from the text.", None)
    audience: str | None = doc("Who the paper writes for, and its tone.", None)
    order: int = doc("Where it stands among the papers in tables and menus (1 first).", 100)


@dataclass
class Evidence:
    """A figure or dated fact a paper states (`evidence:` lists)."""

    id: str = doc("Stable id, lower-case words joined by hyphens, e.g. `oc-deaths-2022`.")
    paper: PaperId = doc("Which paper states it.")
    at: Locator = doc("The paragraph that states it: the figure must appear there, exactly as written.")
    figure: str = doc("The figure exactly as written in that paragraph, e.g. `73,654`.")
    measures: str = doc("What the figure measures, in your own words.")
    topic: Topic = doc("Which group of the evidence ledger it belongs to.")
    unit: str = doc("What kind of quantity it is (deaths, pounds, percent, dollars, date, ...); "
                    "quiz distractors are drawn from figures with the same unit.")
    cites: list[int] = doc("Numbers of the paper's notes or references it rests on; empty when none is given.")
    note: str | None = doc("Anything a careful reader should notice about it.", None)


@dataclass
class NearMiss:
    """A statement that sounds right but is wrong for one reason a student can learn: a misreading of a claim,
    a wrong explanation of a tension, a reply a paper could not give, a position no paper takes."""

    text: str = doc("The near-miss, in the same length and grammar as the right answer it stands beside.")
    why: str = doc("Why it is wrong, in one or two sentences a student can learn from.")
    at: list[Locator] = doc("The places in the papers that show it is wrong.")


@dataclass
class Reason:
    """A right answer with why it is right: an explanation of a tension that holds."""

    text: str = doc("The explanation, in the same length and grammar as the wrong ones beside it.")
    why: str = doc("Why it holds: what in the figures or the paragraphs shows it, in a sentence a student can learn.")
    at: list[Locator] = doc("The places that show it.")
    option: str = doc("The explanation in other words than `text`, which the page on disagreeing numbers prints; "
                      "the quiz offers it as a key. Required when the tension is asked (it has `wrong` entries).", "")


@dataclass
class Claim:
    """A main claim of a paper (`claims:` lists)."""

    id: str = doc("Stable id, e.g. `oc-merida-failed`.")
    paper: PaperId = doc("Whose claim it is.")
    type: ClaimType = doc("diagnosis, causal, recommendation, prediction or value.")
    text: str = doc("The claim in your own words, at its strongest.")
    at: list[Locator] = doc("Where the paper makes it.")
    evidence: list[EvidenceId] = doc("Evidence items the paper offers for it (may be empty).")
    about: str = doc("What the claim is about, as a noun phrase that fits 'what the paper argues about ...', "
                     "e.g. `the choice among the three operational options`.")
    signature: str = doc("What only this paper says here, as a clause that can follow 'argues that', in the "
                         "paper's own strength of wording; at most 30 words; no paper named.")
    misreadings: list[NearMiss] = doc("Two or three near-miss versions of the signature a careless reader might "
                                      "take for the paper's, each with why it is wrong.")
    row: DimensionId | None = doc("The matrix row (`dimensions:` id) the claim bears on most; its claim tree links "
                                  "there to compare the papers on it.", None)
    why: str = doc("Why the signature is the paper's, for the quiz's feedback: what in the paper shows it and what "
                   "sets it apart from its nearest misreading, in one or two sentences of your own words. "
                   "Required with misreadings.", "")


@dataclass
class Counter:
    """An objection to a claim (`counterarguments:` lists)."""

    id: str = doc("Stable id, e.g. `ca-merida-attribution`.")
    claim: ClaimId = doc("The claim it answers.")
    by: PaperId | Literal["module"] = doc("Whose objection: a paper's id, or `module` for this module's analysis.")
    text: str = doc("The objection, in your own words.")
    at: list[Locator] = doc("Where the objecting paper says it; required when `by` is a paper.", [])
    response: Reply | None = doc("How the claim's own paper answers it, if it does.", None)
    wrong_replies: list[NearMiss] = doc("With a response: two or three replies the paper could not give from its "
                                        "own text, each with why.", [])


@dataclass
class Dimension:
    """A row of the side-by-side matrix (`dimensions:` lists)."""

    id: str = doc("Stable id.")
    label: str = doc("The row's name, e.g. 'Role of China'.")
    cells: dict[PaperId, Point] = doc("One short sentence per paper, keyed by paper id.")
    question: str = doc("The row asked as a real question, e.g. 'What role does each paper give China?'")
    decoys: list[NearMiss] = doc("Two or three positions no paper takes on it, as short as the cells; "
                                 "the surplus answers of a matching question.", [])
    answers: dict[PaperId, str] = doc("The cells as a matching question offers them: each paper's position in "
                                      "other words than the matrix prints, without the paper's signature phrases, "
                                      "so a student matches by understanding rather than by recognising a cell.",
                                      {})
    asked: bool = doc("false keeps the row off the quizzes: a row a student could match from what kind of text "
                      "each paper is, or from a quotation, asks recall rather than reasoning.", True)


@dataclass
class Finding:
    """A point where the papers agree or differ (`findings:` lists)."""

    id: str = doc("Stable id.")
    kind: Literal["agree", "differ"] = doc("agree or differ.")
    title: str = doc("A short heading.")
    text: str = doc("What they share or where they part, in your own words.")
    at: list[Locator] = doc("The places in two or more papers.")
    question: str | None = doc("For `differ`: a question on why the papers part, at most 60 words.", None)
    answer: str | None = doc("For `differ`: the best account of the difference in reasoning, in one sentence.", None)
    wrong: list[NearMiss] = doc("For `differ`: two or three accounts that do not explain the split, each with why.",
                                [])


@dataclass
class Position:
    """One paper's position on a policy option."""

    paper: PaperId = doc("The paper.")
    stance: Stance = doc("for, against, mixed, or not-discussed.")
    text: str = doc("Its position in one sentence.")
    at: list[Locator] = doc("Where; may be empty only when the stance is not-discussed.", [])
    why: str | None = doc("For `for` or `against`: why the paper's text counts as that stance, in a sentence a "
                          "student can learn from, with its places; the true/false question's feedback.", None)


@dataclass
class Option:
    """A policy option of the debate map (`options:` lists)."""

    id: str = doc("Stable id, e.g. `unilateral-force`.")
    label: str = doc("Its name.")
    summary: str = doc("What the option means, in one sentence.")
    positions: list[Position] = doc("One position per paper.")


@dataclass
class Tension:
    """Figures that do not fit together (`tensions:` lists)."""

    id: str = doc("Stable id.")
    title: str = doc("A short heading.")
    evidence: list[EvidenceId] = doc("The conflicting evidence items (two or more).")
    question: str = doc("The question put to students.")
    explanations: list[Reason] = doc("Explanations that hold (one to three): this module's analysis.")
    wrong: list[NearMiss] = doc("Two or three explanations that do not hold for these figures, each with why.", [])


@dataclass
class Context:
    """A fact from outside the three papers, with its source."""

    text: str = doc("The fact.")
    source: str = doc("Where it comes from (a publication or body; no guessed address).")


@dataclass
class Term:
    """A glossary term (`glossary:` lists)."""

    id: str = doc("Stable id.")
    term: str = doc("The term as it appears in the text; pages show it as a tooltip.")
    kind: Literal["organization", "law", "program", "concept", "drug", "group", "place"] = doc("What it is.")
    definition: str = doc("A definition in your own words, as the papers use the term.")
    at: list[Locator] = doc("Where the papers use it.")
    context: Context | None = doc("A fact from outside the papers, marked as context with its source.", None)


@dataclass
class Event:
    """A dated event that a paper names (`timeline:` lists)."""

    id: str = doc("Stable id.")
    date: str = doc("`YYYY`, `YYYY-MM` or `YYYY-MM-DD`.")
    event: str = doc("What happened, in your own words.")
    at: list[Locator] = doc("Where the papers name it.")


@dataclass
class Choice:
    """An option of a hand-written question."""

    text: str = doc("The option's text.")
    correct: bool = doc("true for a keyed answer.", False)
    feedback: str = doc("Why this option is right or wrong.", "")


@dataclass
class Question:
    """A hand-written question, for what templates cannot ask (`questions:` lists)."""

    id: str = doc("Stable id, e.g. `q-eval-aumf-isis`.")
    type: Literal["single", "multiple", "truefalse"] = doc("single, multiple or truefalse.")
    stem: str = doc("The question; it must make sense without the options.")
    choices: list[Choice] = doc("The options (for truefalse: True and False).")
    explanation: str = doc("Why the key is right.")
    at: list[Locator] = doc("The places the question draws on.")
    topic: Skill = doc("The skill quiz it belongs to: evidence, arguments, comparison, frameworks or concepts.")
    bloom: Bloom = doc(
        "What the question makes a student do: remember, understand, apply, analyze or evaluate.")
    paper: PaperId | None = doc("The paper it is mainly about, if one; it then also joins that paper's quiz.", None)


@dataclass
class Scenario:
    """A new situation in which a student applies one paper's framework (`scenarios:` lists)."""

    id: str = doc("Stable id, e.g. `sc-mo-lab-strike`.")
    paper: PaperId = doc("Whose framework the student applies.")
    situation: str = doc("The new situation, in two or three sentences; not taken from any paper.")
    question: str = doc("What the student must decide by that paper's framework; stem and situation together "
                        "at most 60 words.")
    choices: list[Choice] = doc("One keyed option and two or three distractors, each with feedback that says why.")
    explanation: str = doc("Why the key follows from the paper's framework.")
    at: list[Locator] = doc("The paragraphs that hold the framework applied.")


@dataclass
class Appraisal:
    """An argument-evaluation question: the unstated premise, the weakest link, what a figure cannot show, how a
    paper would answer an objection, or how an argument looks since the papers (`appraisals:` lists)."""

    id: str = doc("Stable id, e.g. `ap-oc-isis-premise`.")
    paper: PaperId = doc("Whose argument is appraised.")
    task: AppraisalTask = doc("premise, weakest-link, figure-limits, reply or since.")
    stem: str = doc("The question, at most 60 words, self-contained.")
    choices: list[Choice] = doc("One keyed option and two or three distractors, each with feedback that says why.")
    explanation: str = doc("Why the key is right, with the reasoning a student should learn.")
    at: list[Locator] = doc("The paragraphs it draws on.")


@dataclass
class Bearing:
    """How a later development bears on one claim."""

    claim: ClaimId = doc("The claim it bears on.")
    effect: Literal["overtaken", "supported", "challenged", "mixed"] = doc(
        "overtaken, supported, challenged, or mixed (it fits one part of the claim and runs against another).")
    how: str = doc("How, in one sentence.")


@dataclass
class Development:
    """A fact from after the papers (`developments:` lists), taken only from
    ../shared/context/since-the-papers.md, with its source exactly as given there."""

    id: str = doc("The entry's id in the context file, e.g. `cartel-terrorist-designations`.")
    date: str = doc("`YYYY-MM-DD`, the date of the event.")
    title: str = doc("A short heading in your own words.")
    fact: str = doc("The fact, as the context file states it; no figure, date or quotation beyond it.")
    source: str = doc("The source line exactly as the context file gives it: publisher, title, date, address.")
    url: str = doc("The source's address, exactly as given in the source line.")
    as_of: str = doc("`YYYY-MM-DD`: the source's date, shown as 'as of'.")
    bears_on: list[Bearing] = doc("The claims it bears on, and how.")
    at: list[Locator] = doc("The paper paragraphs it bears on.")


# Top-level keys of a knowledge-base file and the entry type each holds.
KINDS: dict[str, type] = {
    "paper": Paper,
    "evidence": Evidence,
    "claims": Claim,
    "counterarguments": Counter,
    "dimensions": Dimension,
    "findings": Finding,
    "options": Option,
    "tensions": Tension,
    "glossary": Term,
    "timeline": Event,
    "questions": Question,
    "scenarios": Scenario,
    "appraisals": Appraisal,
    "developments": Development,
}


@dataclass
class KnowledgeBase:
    """The whole validated knowledge base, as the generators receive it."""

    papers: list[Paper]
    evidence: list[Evidence]
    claims: list[Claim]
    counterarguments: list[Counter]
    dimensions: list[Dimension]
    findings: list[Finding]
    options: list[Option]
    tensions: list[Tension]
    glossary: list[Term]
    timeline: list[Event]
    questions: list[Question]
    scenarios: list[Scenario] = field(default_factory=list)
    appraisals: list[Appraisal] = field(default_factory=list)
    developments: list[Development] = field(default_factory=list)
    paragraphs: dict[str, dict[str, str]] = field(default_factory=dict)

    @cached_property
    def index(self) -> KbIndex:
        """Entries by id, built once per knowledge base (so once per build) for every page and item family."""
        from .index import KbIndex  # the index is built on the model; imported here to keep the layers one-way

        return KbIndex(self)

    def paper(self, paper_id: str) -> Paper:
        return self.index.papers[paper_id]
