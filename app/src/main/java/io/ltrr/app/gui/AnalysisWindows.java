package io.ltrr.app.gui;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.ope.FixedArmTarget;
import io.ltrr.engine.ope.OffPolicyEstimator;
import io.ltrr.engine.ope.OpeEstimate;
import io.ltrr.engine.ope.PolicyTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "Analysis" menu: the off-policy leaderboard and annotator agreement, each in its own window over the
 * workbench's log. A window is opened once and brought to the front when asked again. The windows compute on
 * their own background worker (a daemon thread, started on first use), not the main window's: a bootstrap
 * over a long log takes seconds, and searches must not queue behind it (the workbench itself is locked only
 * while the log is read). They belong to the main window: {@link #closeAll} (called when it closes) closes them
 * and their worker, so nothing keeps the process or the data folder alive.
 */
public final class AnalysisWindows {
    private final WorkbenchService service;
    private final Supplier<Window> owner;
    private FxBackgroundRunner runner;
    private Stage ope;
    private Stage agreement;

    /** @param owner the main window (null before it is shown): the analysis windows stay in front of it */
    public AnalysisWindows(WorkbenchService service, Supplier<Window> owner) {
        this.service = service;
        this.owner = owner;
    }

    /** A menu bar with the Analysis menu (disabled when the service is not backed by an engine workbench). */
    public MenuBar menuBar() {
        AnalysisWindows w = this;
        MenuItem leaderboard = new MenuItem("Off-policy leaderboard…");
        leaderboard.setId("menu-ope");
        leaderboard.setOnAction(e -> w.openOpe());
        MenuItem kappa = new MenuItem("Annotator agreement…");
        kappa.setId("menu-agreement");
        kappa.setOnAction(e -> w.openAgreement());
        Menu menu = new Menu("Analysis", null, leaderboard, kappa);
        menu.setDisable(service.opeSource().isEmpty());
        MenuBar bar = new MenuBar(menu);
        bar.setId("analysis-menu");
        return bar;
    }

    /** The analysis windows open now. */
    public List<Stage> open() {
        List<Stage> out = new ArrayList<>();
        for (Stage s : new Stage[] {ope, agreement}) {
            if (s != null && s.isShowing()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Closes every analysis window and stops their worker (letting a running computation end, bounded). */
    public void closeAll() {
        for (Stage s : new Stage[] {ope, agreement}) {
            if (s != null) {
                s.close();
            }
        }
        ope = null;
        agreement = null;
        if (runner != null) {
            runner.close();
            runner = null;
        }
    }

    /** The leaderboard's candidates and estimates from the current workbench: every policy, and every arm alone. */
    static OpeLeaderboardViewModel.Source opeSource(Supplier<Workbench> workbench) {
        return new OpeLeaderboardViewModel.Source() {
            @Override
            public List<String> candidates() {
                Workbench wb = workbench.get();
                List<String> out = new ArrayList<>(wb.policyIds());
                wb.armIds().forEach(a -> out.add(FixedArmTarget.PREFIX + a));
                return out;
            }

            @Override
            public List<OpeEstimate> estimate(List<String> targets, PolicyTarget.Mode mode, int bootstrap, long seed) {
                return workbench.get().offline().offPolicyEstimates(targets, mode, new OffPolicyEstimator(bootstrap, 0.95, seed), seed);
            }
        };
    }

    static AgreementViewModel.Source agreementSource(Supplier<Workbench> workbench) {
        return annotators -> workbench.get().offline().agreement(annotators);
    }

    private BackgroundRunner runner() {
        if (runner == null) {
            runner = new FxBackgroundRunner(1);
        }
        return runner;
    }

    private void openOpe() {
        if (ope == null) {
            OpeLeaderboardViewModel vm = new OpeLeaderboardViewModel(service.opeSource().orElseThrow(), runner());
            ope = stage(owner(), "Off-policy leaderboard — " + service.dataDir(), new OpeLeaderboardView(vm), 1100, 520);
            vm.refresh();
        }
        ope.show();
        ope.toFront();
    }

    private void openAgreement() {
        if (agreement == null) {
            AgreementViewModel vm = new AgreementViewModel(service.agreementSource().orElseThrow(), runner());
            agreement = stage(owner(), "Annotator agreement — " + service.dataDir(), new AgreementView(vm), 640, 480);
            vm.refresh();
        }
        agreement.show();
        agreement.toFront();
    }

    private Window owner() {
        return owner.get();
    }

    private static Stage stage(Window owner, String title, Parent root, double width, double height) {
        Stage s = new Stage();
        if (owner != null) {
            s.initOwner(owner);
        }
        s.setTitle(title);
        Scene scene = new Scene(root, width, height);
        Theme.apply(scene, false);
        s.setScene(scene);
        return s;
    }
}
