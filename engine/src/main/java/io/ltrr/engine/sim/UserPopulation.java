package io.ltrr.engine.sim;

import io.ltrr.engine.context.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The users of a run, drawn once from the run's seed: each searches by voice with the scenario's voice share,
 * prefers 1 to 3 styles drawn (by frequency) from the catalog's frequent styles, and has a habitual hour.
 */
public final class UserPopulation {
    private final List<SimulatedUser> users;

    public UserPopulation(int size, double voiceShare, StyleTable styles, long seed) {
        SplittableRandom random = RandomStreams.of(seed, 0, RandomStreams.POPULATION);
        List<SimulatedUser> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Device device = random.nextDouble() < voiceShare ? Device.VOICE : Device.SCREEN;
            int n = 1 + random.nextInt(Math.min(3, styles.size()));
            List<String> profile = new ArrayList<>(n);
            while (profile.size() < n) {
                String s = styles.draw(random);
                if (!profile.contains(s)) {
                    profile.add(s);
                }
            }
            // Evenings are busier than nights: the habitual hour is drawn around 19:00.
            int peak = Math.floorMod(19 + (int) Math.round(random.nextGaussian() * 4), 24);
            out.add(new SimulatedUser("u" + i, device, profile, peak));
        }
        this.users = List.copyOf(out);
    }

    private UserPopulation(List<SimulatedUser> users) {
        this.users = List.copyOf(users);
    }

    /**
     * Users without a taste (empty profile), for worlds whose documents have no styles (a test collection):
     * devices and habitual hours are drawn as in the catalog population, from the same stream.
     */
    public static UserPopulation withoutTastes(int size, double voiceShare, long seed) {
        SplittableRandom random = RandomStreams.of(seed, 0, RandomStreams.POPULATION);
        List<SimulatedUser> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Device device = random.nextDouble() < voiceShare ? Device.VOICE : Device.SCREEN;
            int peak = Math.floorMod(19 + (int) Math.round(random.nextGaussian() * 4), 24);
            out.add(new SimulatedUser("u" + i, device, List.of(), peak));
        }
        return new UserPopulation(out);
    }

    public List<SimulatedUser> users() {
        return users;
    }

    /** A user, uniformly. */
    public SimulatedUser draw(RandomGenerator random) {
        return users.get(random.nextInt(users.size()));
    }
}
