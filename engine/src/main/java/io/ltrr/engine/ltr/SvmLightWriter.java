package io.ltrr.engine.ltr;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes examples in SVMlight / RankLib format: {@code label qid:Q 1:v1 2:v2 … # search item}, one line per
 * example, features numbered from 1 in the order of {@link FeatureExtractor#NAMES} (all of them, zeros included,
 * so columns line up for any reader). Header lines starting with '#' name each feature number; RankLib and
 * XGBoost's text reader skip them. Values use the shortest exact decimal form.
 */
public final class SvmLightWriter {
    private SvmLightWriter() {
    }

    public static void writeHeader(Writer out) throws IOException {
        out.write("# ltrr ranker features; label = max(grade, 1 if clicked); qid = search id number\n");
        List<String> names = FeatureExtractor.NAMES;
        for (int i = 0; i < names.size(); i++) {
            out.write("# " + (i + 1) + " " + names.get(i) + "\n");
        }
    }

    /** One example line; {@code comment} (the search and item ids) goes after '#'. */
    public static void writeLine(Writer out, RankingExample e, String comment) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(e.label()).append(" qid:").append(e.qid());
        double[] x = e.x();
        for (int i = 0; i < x.length; i++) {
            sb.append(' ').append(i + 1).append(':').append(format(x[i]));
        }
        if (comment != null && !comment.isBlank()) {
            sb.append(" # ").append(comment.replace('\n', ' '));
        }
        out.write(sb.append('\n').toString());
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }
}
