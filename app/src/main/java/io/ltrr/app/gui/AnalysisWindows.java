package io.ltrr.app.gui;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.ope.FixedArmTarget;
import io.ltrr.engine.ope.OffPolicyEstimator;
import io.ltrr.engine.ope.OpeEstimate;
import io.ltrr.engine.ope.PolicyTarget;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;

/**
 * The "Analysis" menu: the off-policy leaderboard and annotator agreement, each in its own window over the
 * workbench's log. A window is opened once and brought to the front when asked again.
 */
public final class AnalysisWindows {
    private final WorkbenchService service;
    private final BackgroundRunner runner;
    private Stage ope;
    private Stage agreement;

    private AnalysisWindows(WorkbenchService service, BackgroundRunner runner) {
        this.service = service;
        this.runner = runner;
    }

    /** A menu bar with the Analysis menu (disabled when the service is not backed by an engine workbench). */
    public static MenuBar menuBar(WorkbenchService service, BackgroundRunner runner) {
        AnalysisWindows w = new AnalysisWindows(service, runner);
        MenuItem leaderboard = new MenuItem("Off-policy leaderboard…");
        leaderboard.setId("menu-ope");
        leaderboard.setOnAction(e -> w.openOpe());
        MenuItem kappa = new MenuItem("Annotator agreement…");
        kappa.setId("menu-agreement");
        kappa.setOnAction(e -> w.openAgreement());
        Menu menu = new Menu("Analysis", null, leaderboard, kappa);
        menu.setDisable(!(service instanceof EngineWorkbenchService));
        MenuBar bar = new MenuBar(menu);
        bar.setId("analysis-menu");
        return bar;
    }

    /** The leaderboard's candidates and estimates from a workbench: every policy, and every arm alone. */
    static OpeLeaderboardViewModel.Source opeSource(Workbench wb) {
        return new OpeLeaderboardViewModel.Source() {
            @Override
            public List<String> candidates() {
                List<String> out = new ArrayList<>(wb.policyIds());
                wb.armIds().forEach(a -> out.add(FixedArmTarget.PREFIX + a));
                return out;
            }

            @Override
            public List<OpeEstimate> estimate(List<String> targets, PolicyTarget.Mode mode, int bootstrap, long seed) {
                return wb.offPolicyEstimates(targets, mode, new OffPolicyEstimator(bootstrap, 0.95, seed), seed);
            }
        };
    }

    static AgreementViewModel.Source agreementSource(Workbench wb) {
        return wb::agreement;
    }

    private Workbench workbench() {
        return ((EngineWorkbenchService) service).workbench();
    }

    private void openOpe() {
        if (ope == null) {
            OpeLeaderboardViewModel vm = new OpeLeaderboardViewModel(opeSource(workbench()), runner);
            ope = stage("Off-policy leaderboard — " + service.dataDir(), new OpeLeaderboardView(vm), 1100, 520);
            vm.refresh();
        }
        ope.show();
        ope.toFront();
    }

    private void openAgreement() {
        if (agreement == null) {
            AgreementViewModel vm = new AgreementViewModel(agreementSource(workbench()), runner);
            agreement = stage("Annotator agreement — " + service.dataDir(), new AgreementView(vm), 640, 480);
            vm.refresh();
        }
        agreement.show();
        agreement.toFront();
    }

    private static Stage stage(String title, Parent root, double width, double height) {
        Stage s = new Stage();
        s.setTitle(title);
        Scene scene = new Scene(root, width, height);
        Theme.apply(scene, false);
        s.setScene(scene);
        return s;
    }
}
