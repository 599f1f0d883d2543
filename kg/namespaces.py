"""The one prefix table of kg and the closed ``dip:`` vocabulary.

Every module takes its namespaces from here so that serialisations, canned
queries and the ontology agree on prefixes.  ``DIP`` is a closed rdflib
``DefinedNamespace``: referring to a term that is not declared raises
``AttributeError`` at import time instead of minting a typo into published
data.  ``tests/test_ontology.py`` checks that every term listed here is
defined in ``ontology/dip.ttl`` and vice versa.

>>> str(DIP.Conversation)
'https://w3id.org/dipkg/ontology#Conversation'
>>> PREFIXES["sem"]
'http://semanticweb.cs.vu.nl/2009/11/sem/'
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

DEFAULT_BASE_IRI = "https://w3id.org/dipkg/"
DIP_IRI = "https://w3id.org/dipkg/ontology#"


class DIP(DefinedNamespace):
    """The project vocabulary (DESIGN A2); defined in ``ontology/dip.ttl``."""

    _NS = Namespace(DIP_IRI)
    _fail = True

    # classes
    Event: URIRef
    Conversation: URIRef
    Visit: URIRef
    Participation: URIRef
    Agent: URIRef
    Person: URIRef
    Organization: URIRef
    Place: URIRef
    Document: URIRef
    Translation: URIRef
    SourceGraph: URIRef
    Position: URIRef
    TopicAssignment: URIRef

    # event side
    participant: URIRef
    hasParticipation: URIRef
    agent: URIRef
    role: URIRef
    positionText: URIRef
    tookPlaceAt: URIRef
    placeDerived: URIRef
    earliestDate: URIRef
    latestDate: URIRef
    dateEDTF: URIRef
    dateText: URIRef
    datePrecision: URIRef
    eventType: URIRef
    hasTopic: URIRef
    hasTopicAssignment: URIRef
    topic: URIRef
    confidence: URIRef
    subEventOf: URIRef
    mentionsEvent: URIRef
    sameEventAs: URIRef
    documentedIn: URIRef
    documents: URIRef

    # document side
    addressee: URIRef
    documentType: URIRef
    mentions: URIRef
    unlinkedName: URIRef
    archivalReference: URIRef
    heldBy: URIRef
    securityClassification: URIRef
    registryNumber: URIRef
    copyNumber: URIRef
    hasTranslation: URIRef
    obtainedBy: URIRef
    originalLanguage: URIRef

    # authority side
    heldPosition: URIRef
    country: URIRef
    capital: URIRef

    # provenance (graph/meta)
    softwareVersion: URIRef
    sourceChecksum: URIRef
    sourceFormat: URIRef


SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
RICO = Namespace("https://www.ica.org/standards/RiC/ontology#")
SCHEMA = Namespace("https://schema.org/")
EDTF = Namespace("http://id.loc.gov/datatypes/edtf/")
WD = Namespace("http://www.wikidata.org/entity/")

#: The one prefix table: serialisers, canned queries and the JSON-LD context use it.
PREFIXES: dict[str, str] = {
    "dip": DIP_IRI,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": str(SCHEMA),
    "sem": str(SEM),
    "crm": str(CRM),
    "rico": str(RICO),
    "time": "http://www.w3.org/2006/time#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "sh": "http://www.w3.org/ns/shacl#",
    "edtf": str(EDTF),
    "wd": str(WD),
}

#: The prefix table as a SPARQL prologue, for queries written with its prefixes.
SPARQL_PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

#: Concept schemes kept under ``{base}topic/{scheme}/``.
CONCEPT_SCHEMES = (
    "role",
    "event-type",
    "document-type",
    "classification",
    "date-precision",
)

#: The scheme of the thematic topics (``{base}topic/{slug}``).
TOPIC_SCHEME = "thesaurus"
