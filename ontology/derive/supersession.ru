# title: Superseded division of work
# description: A later 领导分工 notice of the same city replaces the whole division of work
#   of an earlier one: every assignment of the earlier notice ends on the later notice's date.
#   Recomputed into the derived graph after every build (one update, one transaction).
PREFIX gkg: <https://w3id.org/govkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>

DROP SILENT GRAPH <https://w3id.org/govkg/id/graph/derived> ;

INSERT { GRAPH <https://w3id.org/govkg/id/graph/derived> {
    ?a gkg:supersededOn ?end .
    ?a gkg:supersededBy ?notice .
} }
WHERE {
  {
    SELECT ?a (MIN(?d2) AS ?end) ?city WHERE {
      { SELECT DISTINCT ?a ?d1 ?city WHERE {
          VALUES ?c1 { gkg:ResponsibleFor gkg:Supervises gkg:Liaises gkg:Assists gkg:UnspecifiedResponsibility }
          GRAPH ?g1 { ?a a ?c1 ; gkg:date ?d1 . ?i1 a gkg:GazetteIssue ; gkg:city ?city . }
      } }
      { SELECT DISTINCT ?d2 ?city WHERE {
          VALUES ?c2 { gkg:ResponsibleFor gkg:Supervises gkg:Liaises gkg:Assists gkg:UnspecifiedResponsibility }
          GRAPH ?g2 { ?b a ?c2 ; gkg:date ?d2 . ?i2 a gkg:GazetteIssue ; gkg:city ?city . }
      } }
      FILTER (STR(?d2) > STR(?d1))
    } GROUP BY ?a ?city
  }
  OPTIONAL {
    { SELECT ?d3 ?city (SAMPLE(?doc) AS ?notice) WHERE {
        VALUES ?c3 { gkg:ResponsibleFor gkg:Supervises gkg:Liaises gkg:Assists gkg:UnspecifiedResponsibility }
        GRAPH ?g3 { ?b3 a ?c3 ; gkg:date ?d3 ; prov:wasDerivedFrom ?s3 . ?s3 gkg:document ?doc .
                    ?i3 a gkg:GazetteIssue ; gkg:city ?city . }
    } GROUP BY ?d3 ?city }
    FILTER (STR(?d3) = STR(?end))
  }
}
