# title: Superseded division of work
# description: A later 领导分工 notice of the same city replaces the whole division of work
#   of an earlier one: the earlier division, and every assignment of it, ends on the date of
#   the earliest later division of that city, and is superseded by that division's notice.
#   Computed over the divisions (one per notice, so few) and only then walked down to their
#   assignments through gkg:division, so it stays cheap on a large store.
#   Recomputed into the derived graph after every build (one update, one transaction).
PREFIX gkg: <https://w3id.org/govkg/ontology#>

DROP SILENT GRAPH <https://w3id.org/govkg/id/graph/derived> ;

INSERT { GRAPH <https://w3id.org/govkg/id/graph/derived> {
    ?div gkg:supersededOn ?end .
    ?div gkg:supersededBy ?notice .
    ?a gkg:supersededOn ?end .
    ?a gkg:supersededBy ?notice .
} }
WHERE {
  {
    # Each division that a later division of its city follows, and the earliest later date.
    SELECT ?div ?city (MIN(?d2) AS ?end) WHERE {
      { SELECT DISTINCT ?div ?city ?d1 WHERE {
          GRAPH ?g1 { ?div a gkg:DivisionOfWork ; gkg:city ?city ; gkg:date ?d1 . }
      } }
      { SELECT DISTINCT ?city ?d2 WHERE {
          GRAPH ?g2 { ?later a gkg:DivisionOfWork ; gkg:city ?city ; gkg:date ?d2 . }
      } }
      FILTER (STR(?d2) > STR(?d1))
    } GROUP BY ?div ?city
  }
  # The notice(s) of the city's division(s) dated that day.
  OPTIONAL { GRAPH ?g3 { ?next a gkg:DivisionOfWork ; gkg:city ?city ; gkg:date ?end ; gkg:notice ?notice . } }
  # Only then the division's assignments, looked up per superseded division (as an OPTIONAL:
  # a plain join would have Oxigraph read every assignment's gkg:division and match them after).
  OPTIONAL { GRAPH ?g4 { ?a gkg:division ?div . } }
}
