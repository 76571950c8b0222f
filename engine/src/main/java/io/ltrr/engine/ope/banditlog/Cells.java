package io.ltrr.engine.ope.banditlog;

/** Reads the numbers of a row, rejecting what is not one with a reason naming the column. */
final class Cells {
    private Cells() {
    }

    static double number(String value, String column) throws RowException {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new RowException(column + " is empty");
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new RowException(column + " is not a number: '" + v + "'");
        }
        if (!Double.isFinite(d)) {
            throw new RowException(column + " is not finite: '" + v + "'");
        }
        return d;
    }

    /** A logged propensity: in (0, 1] (a logged action had positive probability). */
    static double propensity(double p, String column) throws RowException {
        if (!(p > 0 && p <= 1)) {
            throw new RowException(column + " must be in (0, 1], was " + p);
        }
        return p;
    }

    static String action(String value, String column) throws RowException {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new RowException(column + " is empty");
        }
        return v;
    }

    /** Splits a comma-separated line (no quoting) keeping empty trailing cells. */
    static String[] split(String line) {
        return line.split(",", -1);
    }
}
