"""The word lists that tell names from the words around them.

Reading a name as records write it ("Minister of Foreign Affairs Raul Roa", "Yu. V.
Andropov", "the Kennedy government") is mostly a matter of knowing which capitalised
words are titles, offices, institutions or sentence openers rather than names.  Those
vocabularies are kept here, apart from the logic in :mod:`kg.extract.personname`,
:mod:`kg.extract.names` and :mod:`kg.extract.mentions`, so that adding a word never
touches the code that uses it.  Every entry is folded and written without dots.
"""

from __future__ import annotations

from kg.authority import word_set

#: Honorifics and offices that precede a name (folded, without dots).
TITLE_WORDS = word_set(
    "comrade comrades cde tovarishch tovarisch tov mr mrs ms messrs dr prof professor senor "
    "senora senorita sra srta herr frau monsieur mme madame mlle sir lord lady excellency hon "
    "honorable honourable premier prime minister deputy vice first second third secretary "
    "general ambassador charge counsellor counselor attache consul envoy president chairman "
    "chairwoman chief head director commander marshal admiral colonel major captain lieutenant "
    "lt capt maj adm sergeant king queen prince princess emperor shah pope cardinal bishop "
    "archbishop father rev reverend sheikh emir sultan chancellor governor senator congressman "
    "academician comandante presidente ministro companero generalissimo commissar undersecretary "
    "under-secretary secretary-general vice-president assistant acting member leader delegate "
    "representative spokesman adviser advisor aide interpreter translator recorder "
    "correspondent stenographer"
)
#: Abbreviations that are titles only when written with a dot ("Sen." but "Amartya Sen").
DOTTED_TITLES = word_set("sen com gen rep min sec dep pres gov amb col")
#: Words of the institutions in a title ("of the CC of the CPSU", "Foreign Affairs").
INSTITUTION_WORDS = word_set(
    "foreign affairs internal home defense defence trade finance state states armed forces "
    "revolutionary national central committee cc party communist workers socialist unity united "
    "nations union soviet republic republics people peoples democratic federal council ministers "
    "ministry presidium politburo political bureau secretariat department division section "
    "office embassy mission delegation government cabinet supreme assembly congress parliament "
    "senate house court army navy air force security intelligence agency service staff interior "
    "justice education culture health industry agriculture economy economic planning commission "
    "board bank organization organisation americas european western eastern southern northern "
    "latin region province administration relations international public policy program "
    "programme institute academy university foundation family fund center centre archive "
    "archives library museum press news radio television company corporation front movement "
    "league federation confederation alliance pact treaty treasury commerce labor labour "
    "information propaganda science sciences research energy atomic nuclear peace war crisis "
    "conference summit declaration charter doctrine plan directorate hemisphere bloc camp "
    "digital translation record journal document secret copy original summary citation credits "
    "contents language date id uploaded top general assembly republican democrat associated "
    "related places topics subjects discussed keywords collection north south east west upper "
    "lower river sea ocean lake bay gulf island islands mountains valley district city town "
    "village street square avenue hall palace building airport station port harbor harbour "
    "strait peninsula canal red cross history declassified"
)
#: Lower-case words that may sit inside a title ("of the", "in", "for").
FUNCTION_WORDS = word_set("of the and for in to at on a an")
#: Capitalised words that begin sentences and are never part of a name.
COMMON_CAPS = word_set(
    "i he she it we they you me him us them this that these those the a an then there here when "
    "while after before since although though however moreover furthermore also but and or so "
    "thus yet if as at by for from in into of on to with without during according having being "
    "both neither either each every all some many most much several such other another our "
    "your his her its their my what which who whom whose why how where not no yes today "
    "yesterday tomorrow now later earlier further finally again only even still just once let "
    "please dear regarding concerning subject note god lord christmas easter obtained translated"
)
#: Month and weekday names, capitalised but never part of a personal name.
MONTHS_AND_DAYS = word_set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday"
)
#: Generational suffixes cut off the end of a name ("Jr.", "III").
SUFFIXES = word_set("jr sr ii iii iv")
#: Two-letter initials of transliterated names ("Yu. V. Andropov", "Zh.", "Sz.").
DIGRAPH_INITIALS = word_set("yu ya ye yo zh ch sh kh ts ju ja je sz cz gy ly ny")
#: Words before a title that are not part of the name ("the", "his" Excellency).
LEADING_ARTICLES = word_set("the his her")
#: Prepositions that join a title to its object ("Ambassador *in* Cuba").
PREPOSITIONS = word_set("of for to in at on")
#: Nouns after a capitalised pair that make it a place or a thing, not a person
#: ("the Point Salines airport", "the Thai Nguyen combine").
PLACE_NOUNS = word_set(
    "airport airfield province provinces region district area city town village river delta "
    "valley plateau mountains mountain island islands bay gulf lake sea coast port harbour "
    "harbor plant combine factory dam bridge road highway railway station street palace "
    "agreement agreements accord accords treaty conference convention declaration "
    "declarations communique protocol"
)
#: Nouns after a place name that make it the name of an event or a text
#: ("the Geneva agreements", "the Moscow declarations").
NAMED_AFTER_PLACE = word_set(
    "agreement agreements accord accords treaty treaties conference conferences convention "
    "conventions declaration declarations communique protocol protocols"
)
#: Heads of names with "of" that contain a place ("Department of the USSR",
#: "Gulf of Thailand"): the place inside is not mentioned on its own.
NAME_HEADS = word_set(
    "department ministry committee commission institute bank embassy legation consulate "
    "council academy university organization organisation office division section directorate "
    "bureau agency mission government gulf bay strait straits sea isthmus cape"
)
