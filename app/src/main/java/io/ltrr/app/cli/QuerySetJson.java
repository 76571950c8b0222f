package io.ltrr.app.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ltrr.engine.api.QueryScore;
import io.ltrr.engine.api.QuerySetScores;
import io.ltrr.engine.compare.ConfigComparison;
import io.ltrr.engine.compare.NextUnjudged;
import io.ltrr.engine.store.QuerySetRun;
import java.util.List;
import java.util.Locale;

/** The JSON documents of {@code ltrr queryset …}; metric keys name their cutoff ({@code ndcg@10}). */
final class QuerySetJson {
    private QuerySetJson() {
    }

    /** A created set. */
    record Created(String name, String createdAt, String origin, List<String> queries,
                   List<ImportCommand.ProblemJson> problems) {
    }

    /** The sets of a data folder. */
    record Sets(List<Listed> querySets) {
    }

    /** One set in the list. */
    record Listed(String name, String createdAt, String origin, int queries, int runs) {
    }

    /** Figures at 10 (null when undefined). */
    record Figures(@JsonProperty("ndcg@10") Double ndcg, @JsonProperty("p@10") Double precision,
                   @JsonProperty("mrr@10") Double mrr) {
        static Figures of(QuerySetScores s) {
            return new Figures(Json.finite(s.meanNdcg()), Json.finite(s.meanPrecision()), Json.finite(s.meanMrr()));
        }

        static Figures of(QuerySetRun r) {
            return new Figures(Json.finite(r.ndcg()), Json.finite(r.precision()), Json.finite(r.mrr()));
        }

        static Figures of(QueryScore q) {
            return new Figures(q.ndcg(), q.precision(), q.mrr());
        }
    }

    /** One query's scores. */
    record QueryJson(String query, @JsonProperty("ndcg@10") double ndcg, @JsonProperty("p@10") double precision,
                     @JsonProperty("mrr@10") double mrr, int unjudged, boolean relevantJudged,
                     List<String> unjudgedItems) {
        static QueryJson of(QueryScore q) {
            return new QueryJson(q.query(), q.ndcg(), q.precision(), q.mrr(), q.unjudged(), q.relevantJudged(),
                    q.unjudgedItems());
        }
    }

    /** The next result to judge. */
    record NextJson(String query, String itemId, int rank) {
        static NextJson of(NextUnjudged n) {
            return n == null ? null : new NextJson(n.query(), n.itemId(), n.rank());
        }
    }

    /** {@code queryset show}: per query, the means over queries with a judged relevant item, the next to judge. */
    record Shown(String name, String judgments, List<QueryJson> queries, Figures mean, int judgedQueries,
                 int unjudged, NextJson nextUnjudged) {
        static Shown of(QuerySetScores s) {
            return new Shown(s.set(), s.judgments(), s.queries().stream().map(QueryJson::of).toList(), Figures.of(s),
                    s.judgedQueries(), s.unjudged(), NextJson.of(NextUnjudged.of(s).orElse(null)));
        }
    }

    /** A stored run. */
    record RunJson(long runId, String name, String createdAt, String description, String judgments, Figures mean,
                   int unjudged) {
        static RunJson of(QuerySetRun r) {
            return new RunJson(r.runId(), r.setName(), r.createdAt().toString(), r.description(), r.judgments(),
                    Figures.of(r), r.unjudged());
        }
    }

    /** {@code queryset history}: the runs, oldest first. */
    record History(String name, List<RunJson> runs) {
    }

    /** {@code queryset export}. */
    record Exported(String name, String format, String out, long lines) {
    }

    /** {@code queryset compare}: means of each side, then per query (biggest change first). */
    record Compared(String set, String query, String a, String b, String judgments, String sortedBy, Figures meanA,
                    Figures meanB, @JsonProperty("mean_jaccard@10") Double meanJaccard, Double meanRbo,
                    List<String> onlyInA, List<String> onlyInB, List<ComparedQuery> queries) {
        static Compared of(String set, String query, ConfigComparison c, ConfigComparison.Measure sort) {
            return new Compared(set, query, c.a(), c.b(), c.scoresA().judgments(),
                    sort.name().toLowerCase(Locale.ROOT), Figures.of(c.scoresA()), Figures.of(c.scoresB()),
                    Json.finite(c.diff().meanJaccard()), Json.finite(c.diff().meanRbo()), c.diff().onlyInA(),
                    c.diff().onlyInB(), c.byBiggestChange(sort).stream().map(ComparedQuery::of).toList());
        }
    }

    /** One query of a comparison. */
    record ComparedQuery(String query, @JsonProperty("jaccard@10") double jaccard, double rbo, Figures a, Figures b,
                         Figures delta, List<SnapshotCommand.ChangeJson> rankChanges) {
        static ComparedQuery of(ConfigComparison.QueryComparison q) {
            return new ComparedQuery(q.query(), q.diff().jaccard(), q.diff().rbo(), Figures.of(q.scoreA()),
                    Figures.of(q.scoreB()), new Figures(q.delta(ConfigComparison.Measure.NDCG),
                    q.delta(ConfigComparison.Measure.PRECISION), q.delta(ConfigComparison.Measure.MRR)),
                    q.diff().changes().stream().map(c -> new SnapshotCommand.ChangeJson(c.itemId(), c.rankA(),
                            c.rankB(), c.kind().name().toLowerCase(Locale.ROOT))).toList());
        }
    }
}
