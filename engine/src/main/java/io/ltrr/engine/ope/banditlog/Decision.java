package io.ltrr.engine.ope.banditlog;

import java.util.List;
import java.util.Map;

/**
 * One parsed row before its features become a vector (the feature names are known only once the whole file is
 * read: one-hot features take their values from it).
 *
 * @param line       1-based line number
 * @param features   named context features; a categorical value {@code v} of column {@code c} is {@code "c=v" → 1}
 * @param action     the logged action
 * @param offered    the actions offered in this row, or empty for every action of the file
 * @param propensity logged P(a | x) of the actions the row gives one for (at least the logged action)
 * @param reward     the logged action's reward
 */
record Decision(long line, Map<String, Double> features, String action, List<String> offered,
                Map<String, Double> propensity, double reward) {
}
