package io.ltrr.engine.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes every round with full information as CSV, so an external bandit library can replay the simulation:
 * {@code round,user,intent,query,<feature>…,o_<arm>…,chosen,reward_<arm>…,regret}. {@code o_<arm>} is the oracle's
 * expected reward of every arm (chosen or not); {@code chosen} lists the chosen arms separated by ';';
 * {@code reward_<arm>} is empty for arms not chosen. Numbers are written in Java's shortest round-trip form.
 */
public final class FullInfoCsv implements RoundObserver {
    private final Writer out;
    private final List<String> arms;
    private boolean header;

    public FullInfoCsv(Writer out, List<String> arms) {
        this.out = out;
        this.arms = List.copyOf(arms);
    }

    @Override
    public void observe(RoundOutcome o) {
        try {
            if (!header) {
                StringBuilder h = new StringBuilder("round,user,intent,query");
                o.x().names().forEach(n -> h.append(',').append(n));
                arms.forEach(a -> h.append(",o_").append(a));
                h.append(",chosen");
                arms.forEach(a -> h.append(",reward_").append(a));
                out.write(h.append(",regret\n").toString());
                header = true;
            }
            StringBuilder line = new StringBuilder();
            line.append(o.round()).append(',').append(quote(o.userId())).append(',').append(quote(o.intent()))
                    .append(',').append(quote(o.query()));
            for (int i = 0; i < o.x().dimension(); i++) {
                line.append(',').append(o.x().get(i));
            }
            for (String a : arms) {
                line.append(',').append(o.expected(a));
            }
            line.append(',').append(quote(String.join(";", o.selection().chosen())));
            for (String a : arms) {
                Double r = o.rewards().get(a);
                line.append(',').append(r == null ? "" : r.toString());
            }
            out.write(line.append(',').append(o.regret()).append('\n').toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the full-information export: " + e.getMessage(), e);
        }
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
