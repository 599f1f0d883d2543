"""Read a Digital Archive page: find the record among the metadata and fill the fields.

:mod:`kg.sources._wilson_page` classifies the lines of the page; here the
record is taken as the longest stretch of text lines, the page date and the
summary are found around it, and :mod:`kg.sources._wilson_fields` reads the
record's header, body and signature.  Titles go through the shared grammar of
:mod:`kg.extract.header`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from kg.concepts import DocumentType
from kg.extract.header import TitleParts, classify_document_type, parse_title
from kg.ids import fold
from kg.sources._wilson_fields import (
    Line,
    RecordHeader,
    clean,
    find_date,
    is_date_line,
    is_summary_like,
    read_record_header,
)
from kg.sources._wilson_page import (
    Kind,
    Page,
    classify,
    find_title,
    is_record_id,
    layout_of,
    page_urls,
    record_id_of,
    split_lines,
    without_urls,
)
from kg.sources._wilson_signature import (
    RECORDED,
    fuller_name,
    same_person,
    signature_lines,
    signature_name,
    split_signature,
)
from kg.sources.wilson import NamedRole, WilsonFormatError, WilsonRecord

# Sentences after an archive citation that say how the archive got the record.
_CREDIT_START = re.compile(
    r"\.\s+(?=(?:Obtained|Translated|Transcribed|Contributed|Donated|Provided|Edited|Published|"
    r"Included|Originally|First published|Courtesy|Made available|Translation)\b)"
)
_SENTENCES = re.compile(r"(?<![\s.(][A-Z])\.(?:\s+|$)")
_CLAUSES = re.compile(
    r",?\s+and\s+(?=(?:obtained|translated|transcribed|edited|contributed)\b)|"
    r",\s*(?=(?:obtained|translated|transcribed|edited|contributed)\b)",
    re.I,
)
_CREDIT = re.compile(
    r"^(?P<verbs>(?:obtained|translated|transcribed|edited)(?:\s*(?:and|&|,)\s*"
    r"(?:obtained|translated|transcribed|edited))*)(?:\s+(?:for|from|into|to)\s+.+?)?"
    r"\s+by\s+(?P<names>.+)$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]$")
_NAME_LIST = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)\s*")
_PDF_CHROME = re.compile(
    r"Digital Archive|International History Declassified|digitalarchive\.wilsoncenter\.org", re.I
)
_TALK_TYPES = frozenset(
    str(t.value)
    for t in (
        DocumentType.RECORD_OF_CONVERSATION,
        DocumentType.MEMORANDUM_OF_CONVERSATION,
        DocumentType.MINUTES,
        DocumentType.DIARY_ENTRY,
    )
)


@dataclass
class Credits:
    """The archive citation and who obtained and translated the record."""

    archive_citation: str | None = None
    obtained_by: list[str] = field(default_factory=list)
    translated_by: list[str] = field(default_factory=list)


def _credit_clauses(sentence: str) -> list[str]:
    """Split "Obtained by X and translated by Y" into clauses, not "Obtained and translated by"."""
    clauses: list[str] = []
    pending = ""
    for part in _CLAUSES.split(sentence.strip()):
        pending = f"{pending} and {part}" if pending else part
        if re.search(r"\bby\b", pending, re.I):
            clauses.append(pending.strip(" .;"))
            pending = ""
    return clauses


def read_credits(text: str) -> Credits:
    """Split "AVP RF, f. 0104 ... Obtained by X and translated by Y." into its parts.

    >>> c = read_credits("AVP RF, F. 0104. Op. 17, D. 4, ll. 33-38. Obtained by James G. "
    ...                  "Hershberg and translated by Gary Goldberg.")
    >>> c.archive_citation, c.obtained_by, c.translated_by
    ('AVP RF, F. 0104. Op. 17, D. 4, ll. 33-38', ['James G. Hershberg'], ['Gary Goldberg'])
    """
    text = clean(text)
    if _CREDIT.match(_SENTENCES.split(text)[0]):
        citation, rest = "", text
    elif found := _CREDIT_START.search(text):
        citation, rest = text[: found.start()], text[found.end() :]
    else:
        citation, rest = text, ""
    credits = Credits(archive_citation=citation.strip(" .,;") or None)
    for sentence in _SENTENCES.split(rest):
        for clause in _credit_clauses(sentence):
            found = _CREDIT.match(clause)
            if found is None:
                continue
            names = [n.strip(" .;") for n in _NAME_LIST.split(found.group("names"))]
            verbs = found.group("verbs").lower()
            if "obtained" in verbs:
                credits.obtained_by.extend(n for n in names if n)
            if "translated" in verbs:
                credits.translated_by.extend(n for n in names if n)
    return credits


def join_paragraphs(blocks: list[list[Line]]) -> str:
    """Join wrapped lines into paragraphs; paragraphs are separated by a blank line.

    A block of short lines of similar width is hard-wrapped text (PDF, e-mail):
    a line ends a paragraph only where it ends a sentence well short of the
    width.  Long lines (web pages) are paragraphs each, unless the next line
    goes on in lower case.
    """
    paragraphs: list[str] = []
    for block in blocks:
        width = max(len(line.text) for line in block)
        wrapped = len(block) >= 3 and width <= 110
        current = ""
        for index, line in enumerate(block):
            text = line.text
            if not current:
                current = text
            elif current.endswith("-") and current[-2:-1].isalpha() and text[:1].islower():
                current += text
            else:
                current += " " + text
            nxt = block[index + 1].text if index + 1 < len(block) else ""
            ends = bool(_SENTENCE_END.search(text))
            if wrapped:
                brk = ends and len(text) < 0.8 * width
            else:
                brk = not (nxt[:1].islower() or not ends)
            if brk or not nxt:
                paragraphs.append(current)
                current = ""
    return "\n\n".join(paragraphs)


def _page_date(page: Page, run_start: int) -> tuple[str | None, int | None]:
    """The date the archive gives the page: a date line next to the title, or the citation's."""
    before = [
        i
        for i in range(run_start)
        if page.kinds[i] is Kind.TEXT and is_date_line(page.lines[i].text)
    ]
    if page.title_line is not None:
        near = [i for i in before if abs(page.lines[i].number - page.title_line) <= 4]
        before = near or before
    if before:
        page.kinds[before[0]] = Kind.META
        line = page.lines[before[0]]
        return line.text.rstrip("."), line.number
    if page.citation_date:
        return page.citation_date, page.citation_line
    if page.flat_head and (date := find_date(page.flat_head)):
        return date, page.citation_line
    return None, None


def _record_run(page: Page) -> tuple[int, int]:
    """The longest stretch of text lines (blank and noise lines allowed inside): the record."""
    best, best_size, start, size = (0, 0), 0, None, 0
    for i, kind in enumerate([*page.kinds, Kind.META]):
        if kind is Kind.TEXT:
            start = i if start is None else start
            size += len(page.lines[i].text)
        elif kind is Kind.META and start is not None:
            if size > best_size:
                best, best_size = (start, i), size
            start, size = None, 0
    begin, end = best
    while end > begin and page.kinds[end - 1] is not Kind.TEXT:
        end -= 1
    return begin, end


def _summary(page: Page, begin: int, end: int, layout: str) -> tuple[str | None, int, int]:
    """The archive's summary, and the record's end once a trailing summary is taken off it."""
    if "summary" in page.fields:
        return page.fields["summary"], page.field_line["summary"], end
    outside = [i for i, kind in enumerate(page.kinds) if kind is Kind.TEXT and not begin <= i < end]
    for i in outside:
        if i < begin and is_summary_like(page.lines[i].text):  # summary before the date line
            return page.lines[i].text, page.lines[i].number, end
    last = end - 1
    trailing_meta = Kind.META in page.kinds[end:]
    if layout in ("scraped", "compact") and last > begin and trailing_meta:
        line = page.lines[last]
        alone = layout == "compact" or page.kinds[last - 1] is not Kind.TEXT
        if alone and is_summary_like(line.text):
            return line.text, line.number, last
    for i in outside:
        if i > end and is_summary_like(page.lines[i].text):
            return page.lines[i].text, page.lines[i].number, end
    return None, 0, end


def _fill_metadata(record: WilsonRecord, page: Page) -> None:
    """Fields from the archive's metadata: citation and credits, URL, record id, language."""
    fields, lines = page.fields, page.field_line
    record.fields = dict(fields)
    source, source_line = page.citation_rest, page.citation_line
    if source is None and "source" in fields:
        source, source_line = fields["source"], lines["source"]
    urls = page_urls(page, source)
    record.url = urls[0] if urls else None
    if record.url:
        record.line_of["url"] = next(
            (line.number for line in page.lines if record.url in line.text), source_line or 0
        )
    if source:
        credits = read_credits(without_urls(source))
        record.archive_citation = credits.archive_citation
        record.obtained_by, record.translated_by = credits.obtained_by, credits.translated_by
        for name in ("archive_citation", "obtained_by", "translated_by"):
            if getattr(record, name) and source_line:
                record.line_of[name] = source_line
    if is_record_id(fields.get("record_id", "")):
        record.record_id = fields["record_id"]
        record.line_of["record_id"] = lines["record_id"]
    elif record.url and (record_id := record_id_of(record.url)):
        record.record_id = record_id
        record.line_of["record_id"] = record.line_of["url"]
    for name, keys in (
        ("original_language", ("original_language", "language")),
        ("original_archive", ("original_archive",)),
        ("classification", ("original_classification",)),
    ):
        for key in keys:
            if key in fields and getattr(record, name) is None:
                setattr(record, name, fields[key])
                record.line_of[name] = lines[key]


def _body_blocks(run: list[tuple[Line, Kind]], first: int, last: int) -> list[list[Line]]:
    """The body lines between line numbers ``first`` and ``last``, split at blank lines."""
    blocks: list[list[Line]] = [[]]
    for line, kind in run:
        if not first <= line.number <= last or kind is Kind.NOISE:
            continue
        if kind is Kind.BLANK:
            blocks.append([])
        else:
            blocks[-1].append(line)
    return [block for block in blocks if block]


def _fill_record(record: WilsonRecord, run: list[tuple[Line, Kind]]) -> None:
    """Fields from the record itself (header, body, signature), completed from the title."""
    lines = [line for line, kind in run if kind is not Kind.NOISE]
    header = read_record_header(lines)
    body = [line for line in lines[header.body_start :] if line.text]
    closing = split_signature(body)
    if signature := signature_lines(body[closing:]):
        record.signature = " ".join(line.text for line in signature)
        record.line_of["signature"] = signature[0].number
    body = body[:closing]
    if body:
        record.body = join_paragraphs(_body_blocks(run, body[0].number, body[-1].number))
        record.body_line = body[0].number
    _fill_from_title_and_header(record, header)


def _fill_from_title_and_header(record: WilsonRecord, header: RecordHeader) -> None:
    """Combine what the title says with what the record's header says.

    The title is the archive's normalised wording, so it wins for the type, the
    author and the people; the header wins for dates, because it is the record's
    own.  Spellings the header or signature give for the author are kept as
    variants for name resolution.  Without an author in the title, the author
    is the journal's keeper, else the recorder, else the signer; in a talk
    "between A and B" the author is taken out of the people when he or she is
    one of them, and is otherwise a third person (``third_party_author``).
    """
    parts = parse_title(record.title or "")
    title_line = record.line_of.get("title", 0)
    signer = signature_name(record.signature or "")
    if signer and len(signer.split()) == 1:  # "Riedel": the record names him in full
        signer = fuller_name(signer, record.body) or signer
    recorders = list(header.recorders)
    if signer and RECORDED.match(record.signature or ""):  # signed "Recorded by Wang Fang"
        recorders.append(NamedRole(signer))
    record.interpreters, record.recorders = header.interpreters, recorders
    recorder = recorders[0].name if recorders else None
    drafter = header.drafters[0].name if header.drafters else None
    listed = record.fields.get("authors", "").split(";")[0].strip() or None
    # A title's date is the conversation's in a record of one, else the document's own.
    talk = classify_document_type(record.title or "") in _TALK_TYPES
    title_date = parts.conversation_date
    choices: tuple[tuple[str, str | None, str | None], ...] = (
        ("document_type", parts.document_type, header.heading),
        ("author", parts.author, header.author or recorder or drafter or signer or listed),
        ("addressee", parts.addressee, header.addressee),
        ("conversation_date", None, header.conversation_date or (title_date if talk else None)),
        ("record_date", None, header.record_date or (None if talk else title_date)),
    )
    for name, from_title, from_header in choices:
        if from_title:
            setattr(record, name, from_title)
            record.line_of[name] = title_line
        elif from_header:
            setattr(record, name, from_header)
            record.line_of[name] = header.line_of.get(name, title_line)
    if record.author == signer and header.author is None:
        record.line_of["author"] = record.line_of.get("signature", title_line)
    record.author_role = parts.author_role
    _fill_people(record, header, parts)
    record.author_variants = [
        v for v in dict.fromkeys((header.author, signer, recorder)) if v and v != record.author
    ]
    record.issuer = parts.issuer
    record.addressees = list(
        {fold(a): a for a in (parts.addressee, *header.addressees) if a}.values()
    )
    for name in ("interpreters", "recorders"):
        if name in header.line_of:
            record.line_of[name] = header.line_of[name]
    for name in ("classification", "copy_number", "registry_number", "place", "subject"):
        value = getattr(header, name)
        if value is not None:
            setattr(record, name, value)
            record.line_of[name] = header.line_of[name]
    record.participants = header.participants
    if header.participants:
        record.line_of["participants"] = header.line_of["participants"]
    record.line_of = {k: v for k, v in record.line_of.items() if v}


def _fill_people(record: WilsonRecord, header: RecordHeader, parts: TitleParts) -> None:
    """The other side of the talk, with the author taken out of a "between A and B" list."""
    title_line = record.line_of.get("title", 0)
    people_line = title_line if parts.interlocutors else header.line_of.get("people", 0)
    people = parts.interlocutors or header.interlocutors
    record.between = parts.between if parts.interlocutors else header.between
    own = next((p for p in people if record.author and same_person(p.name, record.author)), None)
    if own is not None:  # "between Soviet Ambassador S.A. Tovmasyan and ...", signed by him
        people = [p for p in people if p is not own]
        if not parts.author:
            record.author, record.author_role = own.name, own.role
            record.line_of["author"] = people_line
    # The journal's keeper in "From the Journal of A, 'Record of Conversation between A and B'"
    # took part; a recorder or signer of a talk between others need not have.
    third_party = record.between and own is None and not parts.author
    record.third_party_author = third_party and record.author is not None
    record.interlocutors = people
    record.line_of["interlocutors"] = people_line


def _flat_head_title(head: str) -> str | None:
    """The title in the text before the first label of a flattened PDF export.

    The head runs site name, page date and title together; what follows the
    page date is the title.
    """
    head = _PDF_CHROME.sub(" ", head)
    date = find_date(head)
    if date is not None:
        head = head[head.index(date) + len(date) :]
    return clean(head).strip(" ,") or None


def _expected_title_line(lines: list[Line]) -> int:
    """Where a missing title belongs: the line after the page date, else the first line."""
    filled = [line for line in lines if line.text]
    for line, nxt in itertools.pairwise(filled):
        if is_date_line(line.text):
            return nxt.number
    return filled[0].number


def read_page(text: str) -> WilsonRecord:
    """Read one page; see :func:`kg.sources.wilson.read_wilson`."""
    lines = split_lines(text)
    page = classify(lines)
    layout = layout_of(page)
    if layout in ("old-site", "pdf") and page.title is None:
        page.title, page.title_line = page.citation_title, page.citation_line
    if layout == "pdf" and page.title is None and page.flat_head:
        page.title, page.title_line = _flat_head_title(page.flat_head), page.citation_line
    find_title(page, layout)
    if page.title is None:
        raise WilsonFormatError(
            "no title: not a Digital Archive record page", line=_expected_title_line(lines)
        )
    begin, end = _record_run(page)
    record = WilsonRecord(layout=layout, title=page.title)
    record.line_of["title"] = page.title_line or 0
    record.page_date, date_line = _page_date(page, begin)
    record.summary, summary_line, end = _summary(page, begin, end, layout)
    record.line_of["page_date"] = date_line or 0
    record.line_of["summary"] = summary_line
    _fill_metadata(record, page)
    _fill_record(record, list(zip(lines[begin:end], page.kinds[begin:end], strict=True)))
    return record
