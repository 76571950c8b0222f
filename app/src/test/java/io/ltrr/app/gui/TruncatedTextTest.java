package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The cut-text check itself can fail: it names a cut label, column header and cell, and passes whole ones. */
@ExtendWith(ApplicationExtension.class)
class TruncatedTextTest {
    VBox root;

    @Start
    void start(Stage stage) {
        Label cut = new Label("reward per round");
        cut.setId("cut");
        cut.setMaxWidth(40);
        Label whole = new Label("whole");
        whole.setId("whole");
        TableView<String> table = new TableView<>(FXCollections.observableArrayList("0.289"));
        TableColumn<String, String> narrow = new TableColumn<>("pulls and rewards");
        narrow.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue() + " and a long tail"));
        narrow.setPrefWidth(40);
        narrow.setMaxWidth(40);
        table.getColumns().add(narrow);
        table.setPrefSize(200, 120);
        root = new VBox(cut, whole, table);
        stage.setScene(new Scene(root, 300, 240));
        stage.show();
    }

    @Test
    void namesEachCutTextWithWhereItIsAndPassesTheWholeOnes() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<TruncatedText.Cut> cuts = WaitForAsyncUtils.asyncFx(() -> TruncatedText.find(root))
                .get(5, TimeUnit.SECONDS);
        assertThat(cuts).extracting(TruncatedText.Cut::full).containsExactlyInAnyOrder("reward per round",
                "pulls and rewards", "0.289 and a long tail");
        assertThat(cuts).allSatisfy(c -> assertThat(c.shown()).isNotEqualTo(c.full()));
        assertThat(cuts.toString()).contains("Label#cut").contains("TableCell[pulls and rewards]");
    }
}
