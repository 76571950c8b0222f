package io.ltrr.app.cli;

import io.ltrr.engine.qu.Interpretation;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.qu.Slot;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON form of a query's understanding: its type, interpretations and slots. */
record AnalysisJson(String normalized, List<String> tokens, String queryType, double confidence,
                    List<InterpretationJson> interpretations, Map<String, Double> features) {

    static AnalysisJson of(QueryAnalysis a) {
        return new AnalysisJson(a.normalized(), a.tokens(), a.type().name().toLowerCase(Locale.ROOT), a.confidence(),
                a.interpretations().stream().map(InterpretationJson::of).toList(), a.features());
    }

    /** One reading of the query. */
    record InterpretationJson(double likelihood, String description, List<SlotJson> slots, List<String> freeTokens) {
        static InterpretationJson of(Interpretation in) {
            return new InterpretationJson(in.likelihood(), in.description(),
                    in.slots().stream().map(SlotJson::of).toList(), in.freeTokens());
        }
    }

    /** A catalog field the query matched. */
    record SlotJson(String slot, String value, String match, double similarity) {
        static SlotJson of(Slot s) {
            return new SlotJson(s.type().key(), s.value(), s.kind().name().toLowerCase(Locale.ROOT), s.similarity());
        }
    }
}
