package io.ltrr.engine.store;

/**
 * The reward one chosen arm got from one feedback event.
 *
 * @param armId  the arm
 * @param reward in [0, 1]
 */
public record ArmReward(String armId, double reward) {
    public ArmReward {
        Values.requireText(armId, "armId");
        if (!(reward >= 0 && reward <= 1)) {
            throw new IllegalArgumentException("reward of arm '" + armId + "' must be in [0, 1], was " + reward);
        }
    }
}
