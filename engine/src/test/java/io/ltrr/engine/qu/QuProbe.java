package io.ltrr.engine.qu;

/** Prints analyses of queries on the small catalog; a development aid, not a test. */
public final class QuProbe {
    private QuProbe() {
    }

    public static void main(String[] args) {
        CatalogTagger tagger = CatalogTagger.build(args[0].equals("real") ? RealCatalog.items() : SmallCatalog.items());
        for (int k = 1; k < args.length; k++) {
            QueryAnalysis a = tagger.analyze(args[k]);
            System.out.printf("%s -> %s conf=%.3f %s%n", args[k], a.type(), a.confidence(), a.features());
            a.interpretations().forEach(i -> System.out.printf("    %.3f %s  %s%n", i.likelihood(), i.description(),
                    i.slots().stream().map(s -> s.kind() + ":" + String.format("%.2f", s.similarity())).toList()));
        }
    }
}
