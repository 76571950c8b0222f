package io.ltrr.engine.api;

import java.nio.file.Path;

/** Where things live inside a data folder. */
public record DataLayout(Path root) {
    /** The index of the active catalog. */
    public Path catalogIndex() {
        return root.resolve("index").resolve("catalog");
    }

    /** The catalog the index was last built from. */
    public Path catalogSource() {
        return root.resolve("catalog-source.json");
    }

    /** Which retrieval backend holds the catalog ({@link BackendChoice}); absent: the embedded index. */
    public Path backend() {
        return root.resolve("backend.json");
    }

    /** Where the feedback store lives ({@link StoreChoice}); absent: the folder's own H2 database. */
    public Path store() {
        return root.resolve("store.json");
    }

    /** Small settings that survive restarts (active policy, …). */
    public Path state() {
        return root.resolve("workbench.json");
    }

    /** The query-understanding dictionaries of the catalog index, kept between starts (keyed by its fingerprint). */
    public Path taggerDictionary() {
        return root.resolve("index").resolve("tagger-dictionary.bin");
    }

    /** Policy priors learned on this folder's catalog ({@code ltrr prior learn}), one {@code POLICY.json} each. */
    public Path priors() {
        return root.resolve("priors");
    }

    /** Indexes of evaluation collections, one folder each. */
    public Path collectionIndex(String name) {
        return root.resolve("collections").resolve(name);
    }
}
