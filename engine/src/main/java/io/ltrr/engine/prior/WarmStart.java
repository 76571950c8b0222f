package io.ltrr.engine.prior;

import io.ltrr.engine.api.PolicyStart;
import io.ltrr.engine.bandit.SelectionPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the prior a fresh policy of a data folder starts from (issue 23) and restores it. Candidates, in order: the
 * folder's own prior ({@code DATA/priors/POLICY.json}, learned on its catalog by {@code ltrr prior learn}), then the
 * one shipped with the workbench ({@code resources/engine/priors/POLICY.json}, on the classpath under
 * {@value #SHIPPED_DIR}). A candidate is used only when it was learned on this very catalog (the index fingerprint)
 * and restores into the policy as configured; otherwise the policy starts uniform and the start says why.
 */
public final class WarmStart {
    /** Where the shipped priors are on the classpath. */
    public static final String SHIPPED_DIR = "ltrr/priors/";

    private final Path folderPriors;
    private final Supplier<String> catalogDigest;
    private String digest;

    /**
     * @param folderPriors  the folder's own priors directory (it need not exist)
     * @param catalogDigest the {@link CatalogDigest} of the folder's catalog, asked only when a prior file is found
     *                      (it reads every item)
     */
    public WarmStart(Path folderPriors, Supplier<String> catalogDigest) {
        this.folderPriors = folderPriors;
        this.catalogDigest = catalogDigest;
    }

    private String digest() {
        if (digest == null) {
            digest = catalogDigest.get();
        }
        return digest;
    }

    /** Where the folder's own prior of a policy is (or would be). */
    public Path folderFile(String policyId) {
        return folderPriors.resolve(policyId + ".json");
    }

    /**
     * Restores into {@code fresh} (a policy as created, knowing nothing) the first prior that fits, and says which;
     * when none fits, {@code fresh} is left uniform and the start says why.
     */
    public PolicyStart start(SelectionPolicy fresh) {
        List<String> why = new ArrayList<>();
        String id = fresh.id();
        Path own = folderFile(id);
        if (Files.isRegularFile(own)) {
            Optional<PolicyStart> s = tryPrior(fresh, read(own), "folder priors/" + id + ".json", why);
            if (s.isPresent()) {
                return s.get();
            }
        }
        Optional<String> shipped = shipped(id);
        if (shipped.isEmpty()) {
            why.add("no prior is shipped for policy '" + id + "'");
        } else {
            Optional<PolicyStart> s = tryPrior(fresh, shipped.get(), "shipped " + SHIPPED_DIR + id + ".json", why);
            if (s.isPresent()) {
                return s.get();
            }
        }
        return PolicyStart.uniform(String.join("; ", why));
    }

    private Optional<PolicyStart> tryPrior(SelectionPolicy fresh, String text, String source, List<String> why) {
        PolicyPrior prior;
        try {
            prior = PolicyPrior.parse(text, source);
        } catch (IllegalArgumentException e) {
            why.add(e.getMessage());
            return Optional.empty();
        }
        if (!prior.policy().equals(fresh.id())) {
            why.add(source + " is a prior of policy '" + prior.policy() + "', not of '" + fresh.id() + "'");
            return Optional.empty();
        }
        if (!prior.catalogDigest().equals(digest())) {
            why.add(source + " was learned on another catalog (catalog digest " + shortPrint(prior.catalogDigest())
                    + ", this folder's is " + shortPrint(digest()) + "); ltrr prior learn learns one on this catalog");
            return Optional.empty();
        }
        try {
            fresh.restore(prior.snapshot());
        } catch (IllegalArgumentException e) {
            fresh.reset();
            why.add(source + " does not fit the policy as configured now (" + e.getMessage()
                    + "); learn it again with ltrr prior learn");
            return Optional.empty();
        }
        return Optional.of(PolicyStart.prior(source, "learned on scenario " + prior.scenario() + ", "
                + prior.rounds() + " rounds, seed " + prior.seed() + ", catalog " + shortPrint(prior.catalogDigest())
                + ", arms " + String.join(",", prior.arms()) + " (other arms start uniform)"));
    }

    static String shortPrint(String fingerprint) {
        return fingerprint.length() <= 12 ? fingerprint : fingerprint.substring(0, 12) + "…";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prior " + file + ": " + e.getMessage(), e);
        }
    }

    /** The shipped prior of a policy, if the build has one. */
    static Optional<String> shipped(String policyId) {
        try (InputStream in = WarmStart.class.getClassLoader().getResourceAsStream(SHIPPED_DIR + policyId + ".json")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped prior of '" + policyId + "': " + e.getMessage(), e);
        }
    }
}
