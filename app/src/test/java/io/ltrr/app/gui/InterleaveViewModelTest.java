package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.interleave.RankerPair;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interleaving switch through the search window's ViewModel on a real workbench, without a toolkit. */
class InterleaveViewModelTest {
    @TempDir
    Path dir;
    WorkbenchService service;
    MainViewModel vm;

    @BeforeEach
    void open() throws Exception {
        service = new EngineWorkbenchService(GuiFixtures.workbench(dir, true));
        vm = new MainViewModel(service, new SameThreadRunner(), GuiFixtures.NOON);
        vm.start();
    }

    @AfterEach
    void close() {
        service.close();
    }

    private SearchResult search(String q) {
        vm.queryProperty().set(q);
        vm.search();
        return vm.resultProperty().get();
    }

    @Test
    void whileOnSearchesInterleaveAndClicksMoveTheScore() {
        InterleaveViewModel il = vm.interleave();
        assertThat(il.rankers()).contains("rrf", "pairwise");
        il.rankerBProperty().set("rrf"); // rrf against itself: no model needed
        il.onProperty().set(true);
        assertThat(il.scoreProperty().get()).startsWith("A rrf 0 · B rrf 0 · 0 ties · 0 impressions");

        SearchResult r = search("love song");
        assertThat(r.interleaving()).isPresent();
        assertThat(r.interleaving().orElseThrow().rankers()).isEqualTo(new RankerPair("rrf", "rrf"));
        assertThat(il.scoreProperty().get()).contains("1 tie · 1 impression");

        ResultRow top = vm.rows().getFirst();
        String team = r.interleaving().orElseThrow().at(top.position()).orElseThrow().name();
        vm.click(top);
        assertThat(il.scoreProperty().get()).startsWith(team.equals("A") ? "A rrf 1 · B rrf 0" : "A rrf 0 · B rrf 1")
                .contains("0 ties · 1 impression · p = 1.00");

        il.onProperty().set(false);
        assertThat(search("love song").interleaving()).isEmpty();
        assertThat(il.scoreProperty().get()).isEmpty();
    }

    @Test
    void aRankerWithoutAModelIsRefusedInTheStatusBar() {
        vm.interleave().rankerBProperty().set("pairwise");
        vm.interleave().onProperty().set(true);
        vm.queryProperty().set("love song");
        vm.search();
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.status().messageProperty().get())
                .startsWith("search failed: cannot interleave: ranker 'pairwise' has no trained model yet");
    }
}
