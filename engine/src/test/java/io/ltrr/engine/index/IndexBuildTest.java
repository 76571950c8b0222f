package io.ltrr.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.TestCatalogs;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBuildTest {
    @TempDir
    Path dir;

    private final List<Item> items = TestCatalogs.music();
    private final IndexSettings settings = IndexSettings.music().withEmbeddings(false);

    @Test
    void theFingerprintMadeWhileWritingIsTheOneTheCatalogHasSoAnUnchangedCatalogIsNotRebuilt() {
        CatalogIndexer indexer = new CatalogIndexer(() -> null);
        Path idx = dir.resolve("idx");
        assertThat(indexer.ensure(items, settings, idx, false, ProgressListener.NONE, CancellationToken.none())
                .rebuilt()).isTrue();
        assertThat(CatalogIndex.storedFingerprint(idx)).contains(IndexFingerprint.of(items, settings, ""));
        assertThat(indexer.ensure(items, settings, idx, false, ProgressListener.NONE, CancellationToken.none())
                .rebuilt()).isFalse();
        assertThat(indexer.ensure(items.subList(1, items.size()), settings, idx, false, ProgressListener.NONE,
                CancellationToken.none()).rebuilt()).isTrue();
    }

    @Test
    void searchableTextKeepsFrequenciesAndLengthsButNoPositions() {
        Path idx = dir.resolve("idx");
        new CatalogIndexer(() -> null).build(items, settings, idx, ProgressListener.NONE, CancellationToken.none());
        try (CatalogIndex index = CatalogIndex.open(idx, null)) {
            FieldInfos infos = FieldInfos.getMergedFieldInfos(index.searcher().getIndexReader());
            for (String field : List.of(IndexFields.TITLE, IndexFields.ARTIST, IndexFields.ALBUM, IndexFields.STYLE,
                    IndexFields.GENRE, IndexFields.ALL)) {
                FieldInfo info = infos.fieldInfo(field);
                assertThat(info).as(field).isNotNull();
                assertThat(info.getIndexOptions()).as(field).isEqualTo(IndexOptions.DOCS_AND_FREQS);
                assertThat(info.omitsNorms()).as(field + " keeps norms for BM25's length normalisation").isFalse();
            }
            int doc = index.docId("t1");
            assertThat(index.itemId(doc)).isEqualTo("t1");
            assertThat(index.itemIds(new int[] {doc, doc})).containsExactly("t1", "t1");
            assertThat(index.item(doc).id()).isEqualTo("t1");
        }
    }

    @Test
    void allItemsReadInOrderAreTheItemsOneByOneOverManyBlocksOfStoredDocuments() {
        List<Item> many = new java.util.ArrayList<>();
        for (int i = 0; i < 3_000; i++) { // stored documents are compressed in blocks of some tens of KB: many here
            many.add(TestCatalogs.track("t" + i, "Title " + i + " of the night", "Artist " + i % 97, "Album " + i % 31,
                    List.of(i % 2 == 0 ? "Ambient" : "House"), 1970 + i % 50, (i % 100) / 100.0));
        }
        Path idx = dir.resolve("many");
        new CatalogIndexer(() -> null).build(many, settings, idx, ProgressListener.NONE, CancellationToken.none());
        try (CatalogIndex index = CatalogIndex.open(idx, null)) {
            List<Item> all = index.allItems();
            assertThat(all).containsExactlyInAnyOrderElementsOf(many);
            for (int doc = 0; doc < all.size(); doc++) {
                assertThat(all.get(doc)).as("doc " + doc).isEqualTo(index.item(doc));
            }
        }
    }
}
