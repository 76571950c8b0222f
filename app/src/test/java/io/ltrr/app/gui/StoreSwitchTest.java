package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.context.SearchContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real service's store switch: it reopens the workbench on the chosen store, or stays on the one it had. */
class StoreSwitchTest {
    @TempDir
    Path dir;
    EngineWorkbenchService service;

    @BeforeEach
    void open() throws Exception {
        service = new EngineWorkbenchService(GuiFixtures.workbench(dir, true));
    }

    @AfterEach
    void close() {
        service.close();
    }

    private SearchResult search() {
        return service.search("love song", SearchContext.anonymous(LocalDateTime.of(2026, 11, 20, 12, 0)));
    }

    @Test
    void aServerThatDoesNotAnswerLeavesTheWorkbenchOnItsStoreAndRemembersNothing() {
        QuerySetSource sets = service.querySetSource().orElseThrow();
        sets.create("smoke", List.of("love song"));
        StoreChoice unreachable = StoreChoice.parse("postgresql://127.0.0.1:1/ltrr", "kim", null);

        assertThatThrownBy(() -> service.useStore(unreachable))
                .satisfies(e -> assertThat(FormValues.firstLine(e)).contains("127.0.0.1:1"));

        assertThat(service.store()).isEqualTo(StoreChoice.h2());
        assertThat(service.storeStatus().online()).isTrue();
        assertThat(Files.exists(new DataLayout(service.dataDir()).store())).isFalse();
        SearchResult r = search();
        assertThat(service.click(r.searchId(), r.results().getFirst().itemId()).eventId()).isNotBlank();
        assertThat(sets.sets()).extracting(s -> s.name()).containsExactly("smoke");
    }

    @Test
    void aStoreThatOpensReplacesTheWorkbenchWhichTheWindowsSourcesFollowAndIsRemembered() {
        QuerySetSource sets = service.querySetSource().orElseThrow();
        sets.create("smoke", List.of("love song"));
        OpeLeaderboardViewModel.Source ope = service.opeSource().orElseThrow();

        service.useStore(StoreChoice.h2());

        assertThat(StoreChoice.read(new DataLayout(service.dataDir()).store())).contains(StoreChoice.h2());
        assertThat(service.storeStatus()).satisfies(s -> {
            assertThat(s.online()).isTrue();
            assertThat(s.shared()).isFalse();
        });
        SearchResult r = search();
        assertThat(service.click(r.searchId(), r.results().getFirst().itemId()).eventId()).isNotBlank();
        assertThat(sets.sets()).extracting(s -> s.name()).containsExactly("smoke");
        assertThat(ope.candidates()).isNotEmpty();
    }

    @Test
    void theWindowDropsTheRoundOfThePreviousStoreAndSearchesOnTheNewOne() {
        MainViewModel vm = new MainViewModel(service, new SameThreadRunner(), GuiFixtures.NOON);
        vm.start();
        vm.queryProperty().set("love song");
        vm.search();
        assertThat(vm.rows()).isNotEmpty();

        service.useStore(StoreChoice.h2());
        vm.storeSwitched();

        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.selection().arms()).isEmpty();
        assertThat(vm.selection().headerProperty().get()).isEqualTo("no search yet");
        assertThat(vm.explain().interpretations()).isEmpty();
        assertThat(vm.status().eventsProperty().get()).contains("1 searches");
        vm.search();
        assertThat(vm.rows()).isNotEmpty();
        assertThat(vm.status().eventsProperty().get()).contains("2 searches");
    }
}
